/// Every change to a ticket is one appended event of one of these kinds.
public enum TicketEventKind: String, Codable, Sendable, CaseIterable {
    case issued, called, recalled, serving, done, noShow = "no-show", transferred, cancelled
    /// A citizen's rating attached to the ticket (keypad or rating page).
    case rated
    /// Staff recorded the dossier handed in with this ticket (and its promised return).
    case dossierReceived = "dossier-received"
    /// The result of a dossier went back to the citizen.
    case resultReturned = "result-returned"
}
