import Foundation

/// Files uploaded on the import page, kept on disk between the preview and the import (`<id>.csv`,
/// with `<id>.json` holding the chosen settings), under a random id that only the uploader's session
/// knows. Deleted once imported.
struct ImportUploads: Sendable {
    struct Upload: Codable, Sendable {
        var settings: ImportSettings
        var fileName: String
        let organisationID: UUID
    }

    let directory: URL

    static let standard = ImportUploads(directory: FileManager.default.temporaryDirectory.appendingPathComponent("cartera-imports", isDirectory: true))

    func save(_ data: Data, _ upload: Upload) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let id = [UInt8].random(count: 18).base64URLEncoded
        try data.write(to: file(id), options: .atomic)
        try update(id, upload)
        return id
    }

    func update(_ id: String, _ upload: Upload) throws {
        try JSONEncoder().encode(upload).write(to: meta(id), options: .atomic)
    }

    func upload(_ id: String) -> Upload? {
        guard Self.isValid(id), let meta = try? Data(contentsOf: meta(id)) else { return nil }
        return try? JSONDecoder().decode(Upload.self, from: meta)
    }

    /// The file's bytes; nil once imported.
    func data(_ id: String) -> Data? {
        guard Self.isValid(id) else { return nil }
        return try? Data(contentsOf: file(id), options: .mappedIfSafe)
    }

    /// Forgets the file once imported; the small settings file stays for the result page.
    func delete(_ id: String) {
        try? FileManager.default.removeItem(at: file(id))
    }

    /// Ids are base64url: nothing that could climb out of the directory.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    private func file(_ id: String) -> URL { directory.appendingPathComponent("\(id).csv") }
    private func meta(_ id: String) -> URL { directory.appendingPathComponent("\(id).json") }
}
