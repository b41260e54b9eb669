import Foundation
import Vapor

/// A request body written to a temporary file as it arrives, so a 50 MB import costs the server a
/// 64 KiB buffer, not 50 MB of heap per request (a 199 MiB dry run used to take the process from 75
/// to 684 MB). Routes that take files are registered with `body: .stream`; past `limit` bytes
/// (`CARTERA_UPLOAD_LIMIT_MB`, checked against Content-Length first and again while reading) the
/// answer is 413 and the partial file is removed. The file is read back memory-mapped.
///
/// The owner calls `remove()` when done (`defer`); a crash leaves a file in the temporary folder
/// with the `cartera-upload-` prefix, which the operating system's cleaner takes.
struct StreamedUpload: Sendable {
    let url: URL
    let byteCount: Int
    /// The file name the browser gave (multipart), or nil for a raw body.
    var fileName: String?

    /// The bytes, mapped from the file rather than copied into memory where the system allows.
    func data() throws -> Data { try Data(contentsOf: url, options: .alwaysMapped) }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// The raw body (`POST /api/v1/imports`, `POST /api/v1/bank-statements`).
    static func receive(_ req: Request) async throws -> StreamedUpload {
        let limit = req.application.uploadLimit
        try refuseDeclaredSize(req, limit: limit)
        let writer = try Writer(limit: limit)
        do {
            for try await chunk in req.body { try writer.write(chunk) }
            return try writer.close(fileName: nil)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// A multipart/form-data body (the upload pages): the part named `fileField` goes to the file,
    /// every other part (at most 64 KiB each) into `fields`.
    static func receiveForm(_ req: Request, fileField: String = "file") async throws -> (
        upload: StreamedUpload, fields: [String: String]
    ) {
        let limit = req.application.uploadLimit
        try refuseDeclaredSize(req, limit: limit)
        guard let boundary = req.headers.contentType?.parameters["boundary"],
            req.headers.contentType?.subType == "form-data"
        else {
            throw ServiceError(
                .unsupportedMediaType, code: "multipart_required", message: "Send the file as multipart/form-data",
                field: fileField)
        }
        let writer = try Writer(limit: limit)
        let form = FormCollector(fileField: fileField, writer: writer)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in form.header(name, value) }
        parser.onBody = { buffer in form.body(&buffer) }
        parser.onPartComplete = { form.partComplete() }
        do {
            for try await chunk in req.body {
                try parser.execute(chunk)
                if let error = form.error { throw error }
            }
            guard form.sawFile else { throw ServiceError.missing(fileField) }
            return (try writer.close(fileName: form.fileName), form.fields)
        } catch {
            writer.abandon()
            throw error
        }
    }

    static func tooLarge(_ limit: Int) -> ServiceError {
        ServiceError(
            .tooLarge, code: "upload_too_large",
            message: "The file is larger than the upload limit of \(limit / 1_000_000) MB (CARTERA_UPLOAD_LIMIT_MB)",
            field: "file")
    }

    private static func refuseDeclaredSize(_ req: Request, limit: Int) throws {
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
    }

    /// Appends to a new temporary file, counting bytes against the limit.
    private final class Writer: @unchecked Sendable {
        let url: URL
        let handle: FileHandle
        let limit: Int
        var count = 0

        init(limit: Int) throws {
            self.limit = limit
            url = FileManager.default.temporaryDirectory.appendingPathComponent("cartera-upload-\(UUID().uuidString)")
            guard
                FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
            else {
                throw ServiceError(.internalFailure, code: "upload_failed", message: "Could not store the upload")
            }
            handle = try FileHandle(forWritingTo: url)
        }

        func write(_ buffer: ByteBuffer) throws {
            count += buffer.readableBytes
            guard count <= limit else { throw StreamedUpload.tooLarge(limit) }
            // A blocking write of one chunk to local disk: microseconds, like the database's own I/O.
            try handle.write(contentsOf: Data(buffer.readableBytesView))
        }

        func close(fileName: String?) throws -> StreamedUpload {
            try handle.close()
            return StreamedUpload(url: url, byteCount: count, fileName: fileName)
        }

        func abandon() {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Follows the multipart parser's callbacks: which part is being read, its small fields.
    private final class FormCollector: @unchecked Sendable {
        static let maximumFieldBytes = 64 * 1024
        let fileField: String
        let writer: Writer
        var fields: [String: String] = [:]
        var fileName: String?
        var sawFile = false
        var error: (any Error)?
        private var name: String?
        private var isFile = false
        private var value: [UInt8] = []

        init(fileField: String, writer: Writer) {
            self.fileField = fileField
            self.writer = writer
        }

        func header(_ header: String, _ content: String) {
            guard header.lowercased() == "content-disposition" else { return }
            let disposition = Self.parameters(content)
            name = disposition["name"]
            isFile = name == fileField
            if isFile {
                sawFile = true
                fileName = disposition["filename"]
            }
        }

        func body(_ buffer: inout ByteBuffer) {
            guard error == nil else { return }
            if isFile {
                do { try writer.write(buffer) } catch { self.error = error }
            } else if value.count + buffer.readableBytes > Self.maximumFieldBytes {
                error = ServiceError.invalid(
                    name ?? "form", "\(name ?? "a form field") is longer than \(Self.maximumFieldBytes / 1024) KiB")
            } else {
                value.append(contentsOf: buffer.readableBytesView)
            }
        }

        func partComplete() {
            if let name, !isFile { fields[name] = String(decoding: value, as: UTF8.self) }
            name = nil
            isFile = false
            value.removeAll(keepingCapacity: true)
        }

        /// `form-data; name="file"; filename="a.csv"` → ["name": "file", "filename": "a.csv"].
        static func parameters(_ content: String) -> [String: String] {
            var result: [String: String] = [:]
            for item in content.split(separator: ";").dropFirst() {
                let pair = item.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
                var value = pair[1].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast())
                }
                result[key] = value
            }
            return result
        }
    }
}

extension Application {
    private struct UploadLimitKey: StorageKey { typealias Value = Int }
    /// Largest accepted upload in bytes (`CARTERA_UPLOAD_LIMIT_MB`, default 50 MB).
    var uploadLimit: Int {
        get { storage[UploadLimitKey.self] ?? AppConfig.defaultUploadLimitMegabytes * 1_000_000 }
        set { storage[UploadLimitKey.self] = newValue }
    }
}
