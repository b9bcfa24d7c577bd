/// Every change to a ticket is one appended event of one of these kinds.
public enum TicketEventKind: String, Codable, Sendable, CaseIterable {
    case issued, called, recalled, serving, done, noShow = "no-show", transferred, cancelled
}
