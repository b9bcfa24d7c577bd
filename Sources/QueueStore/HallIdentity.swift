public import QueueCore

/// How the hall presents itself beyond its name (the catalog's `centreName`): a footer line printed at the
/// foot of every ticket and shown on the hall screen, and the ticker line that runs along the screen's
/// bottom (announcements: "Thứ Sáu không chờ…", a closure, a new procedure). Empty means "not set": the
/// ticket prints no footer and the screen runs its built-in line.
public struct HallIdentity: Codable, Sendable, Equatable {
    public var footer: String
    public var announcement: String

    public init(footer: String = "", announcement: String = "") {
        self.footer = footer
        self.announcement = announcement
    }

    /// Refuses lines too long for a ticket or a ticker (Vietnamese + English).
    public func validate() throws(QueueError) {
        guard footer.count <= 160 else {
            throw .invalid(
                "Dòng cuối phiếu tối đa 160 ký tự (đang có \(footer.count)).",
                "The footer is at most 160 characters (\(footer.count) given).")
        }
        guard announcement.count <= 500 else {
            throw .invalid(
                "Dòng thông báo tối đa 500 ký tự (đang có \(announcement.count)).",
                "The announcement is at most 500 characters (\(announcement.count) given).")
        }
    }
}
