/// Number formatting shared by the CSV, HTML and text reports: always '.' as the decimal mark (whatever the
/// machine's locale, so a file re-imports the same everywhere), halves rounded away from zero, and an empty
/// string for a figure that has no value (no tickets, no ratings).
public enum ReportNumber {
    /// `value` with exactly `places` decimals, e.g. `decimal(93.75) == "93.8"`, `decimal(-0.04) == "0.0"`.
    public static func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "" }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + String(scaled / scale) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// Seconds as minutes with one decimal.
    static func minutes(_ seconds: Double?) -> String {
        seconds.map { decimal($0 / 60) } ?? ""
    }

    static func minutes(_ seconds: Int?) -> String {
        seconds.map { decimal(Double($0) / 60) } ?? ""
    }

    /// A share 0…1 as a percentage with one decimal, without the sign: `percent(0.9375) == "93.8"`.
    public static func percent(_ share: Double?) -> String {
        share.map { decimal($0 * 100) } ?? ""
    }
}
