/// A domain error with a stable English code and a Vietnamese message for the person in front of the screen.
public struct QueueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal; also the API error code.
    public enum Code: String, Sendable, Codable {
        case invalidTransition = "invalid_transition"
        case unknownField = "unknown_field"
        case unknownProcedure = "unknown_procedure"
        case unknownCounter = "unknown_counter"
        case unknownTicket = "unknown_ticket"
        case unknownUser = "unknown_user"
        case invalidCatalog = "invalid_catalog"
        case invalidInput = "invalid_input"
        case conflict = "conflict"
        case fieldClosed = "field_closed"
        case counterPaused = "counter_paused"
        case counterBusy = "counter_busy"
        case notYourCounter = "not_your_counter"
        case invalidIDCard = "id_scan_invalid"
        case unknownFeedback = "unknown_feedback"
        case unknownRating = "unknown_rating"
        case feedbackSelf = "feedback_self"
        case feedbackUnanswered = "feedback_unanswered"
        case feedbackClosed = "feedback_closed"
        case notAssignee = "not_assignee"
        case ratingReason = "rating_reason"
    }

    public let code: Code
    public let message: String
    public let englishMessage: String

    public init(_ code: Code, message: String, englishMessage: String) {
        self.code = code
        self.message = message
        self.englishMessage = englishMessage
    }

    public init(_ code: Code, action: String, state: TicketState) {
        self.init(
            code,
            message: "Không thể thực hiện “\(action)” khi phiếu đang ở trạng thái “\(state.vietnameseName)”.",
            englishMessage: "Cannot \(action) a ticket that is \(state.rawValue)."
        )
    }

    public var description: String { "\(code.rawValue): \(englishMessage)" }

    public static func unknownField(_ code: String) -> QueueError {
        QueueError(.unknownField, message: "Không có lĩnh vực mã “\(code)”.", englishMessage: "No field with code '\(code)'.")
    }

    public static func unknownCounter(_ number: Int) -> QueueError {
        QueueError(.unknownCounter, message: "Không có quầy số \(number).", englishMessage: "No counter number \(number).")
    }

    public static func unknownTicket(_ id: String) -> QueueError {
        QueueError(.unknownTicket, message: "Không tìm thấy phiếu “\(id)”.", englishMessage: "No ticket '\(id)'.")
    }

    public static func invalid(_ message: String, _ english: String) -> QueueError {
        QueueError(.invalidInput, message: message, englishMessage: english)
    }
}

extension TicketState {
    public var vietnameseName: String {
        switch self {
        case .waiting: "đang chờ"
        case .called: "đã gọi"
        case .serving: "đang phục vụ"
        case .done: "đã xong"
        case .noShow: "vắng mặt"
        case .cancelled: "đã hủy"
        }
    }
}

extension QueueError {
    public static func notYourCounter(_ counter: Int?) -> QueueError {
        QueueError(
            .notYourCounter,
            message: "Tài khoản này chỉ được thao tác với phiếu tại quầy \(counter.map(String.init) ?? "của mình").",
            englishMessage: "This account may only act on tickets at counter \(counter.map(String.init) ?? "its own").")
    }
}
