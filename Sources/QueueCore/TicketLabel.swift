/// The printed number: the field's prefix and at least three digits (`A001`, `A999`, `A1000`).
public enum TicketLabel {
    public static func make(prefix: String, number: Int) -> String {
        let digits = String(number)
        let padding = String(repeating: "0", count: max(0, 3 - digits.count))
        return prefix + padding + digits
    }
}
