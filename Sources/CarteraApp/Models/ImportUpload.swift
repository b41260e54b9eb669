import Fluent
import Foundation

/// A CSV uploaded on the import page, between its preview and its import, and how that import went.
/// In the database rather than on one server's disk, so that any instance behind the proxy can show
/// the preview, run the import and answer the progress polls. The bytes are dropped once imported.
/// Read and written through `ImportUploads` (which never loads the bytes for a status).
public final class ImportUpload: Model, @unchecked Sendable {
    public static let schema = "import_uploads"

    /// Random base64url, known only to the uploader's session.
    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "file_name") public var fileName: String
    /// `ImportSettings` as JSON.
    @Field(key: "settings") public var settings: String
    @OptionalField(key: "data") public var data: Data?
    /// nil until the import starts; then checking, writing, done or failed.
    @OptionalField(key: "state") public var state: String?
    @Field(key: "done_rows") public var doneRows: Int
    @Field(key: "total_rows") public var totalRows: Int
    @OptionalField(key: "message") public var message: String?
    /// `ImportCounts` as JSON, once done.
    @OptionalField(key: "created_counts") public var createdCounts: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
