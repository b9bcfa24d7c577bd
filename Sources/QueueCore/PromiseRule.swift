/// Which rule produced a promised date, kept so reports can compute on-time rates per rule.
public enum PromiseRule: Codable, Sendable, Equatable, Hashable {
    /// Same-day procedure (group 1 or 0 statutory days): by the closing of the (effective) intake day.
    case sameDay
    /// Listed for the no-wait Friday and received before the cutoff: by Friday's closing.
    case noWaitFridaySameDay
    /// Listed for the no-wait Friday but received at or after the cutoff: by the next working morning.
    case noWaitFridayAfterCutoff
    /// Statutory processing time counted in working days on the calendar.
    case workingDays(Int)
}
