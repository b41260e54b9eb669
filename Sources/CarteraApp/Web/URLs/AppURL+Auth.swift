import Foundation

/// Signing in and out, first-run setup, the person's own account and the language switch.
extension AppURL {
    static let signIn = "/login"
    static let signOut = "/logout"
    static let setup = "/setup"
    static let language = "/language"
    static let accountPassword = "/account/password"
    static let accountDigest = "/account/digest"

    /// The sign-in page that comes back to `next` (a path of this site) once signed in.
    static func signIn(next: String) -> String { signIn + query(["next": next]) }
}
