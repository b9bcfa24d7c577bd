/// The English reading of a number, for the optional English call after the Vietnamese one
/// ("Ticket A twelve"). Lives beside `VietnameseNumber` because the two are always used together.
///
/// Choices: no "and" after hundreds (105 "one hundred five"), so the clip list stays the same for British
/// and American listeners; compound tens are hyphenated ("twenty-one") and spoken as one word.
public enum EnglishNumber {
    static let small = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let scales: [(value: UInt64, name: String)] = [
        (1_000_000_000_000_000_000, "quintillion"), (1_000_000_000_000_000, "quadrillion"),
        (1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"),
    ]

    /// 1005 → "one thousand five".
    public static func text(_ number: Int) -> String {
        words(number).joined(separator: " ")
    }

    /// 1005 → ["one", "thousand", "five"]; 21 → ["twenty-one"].
    public static func words(_ number: Int) -> [String] {
        (number < 0 ? ["minus"] : []) + words(unsigned: UInt64(number.magnitude))
    }

    static func words(unsigned number: UInt64) -> [String] {
        if number == 0 { return ["zero"] }
        var rest = number
        var result: [String] = []
        for scale in scales where rest >= scale.value {
            result += belowThousand(Int(rest / scale.value)) + [scale.name]
            rest %= scale.value
        }
        if rest > 0 { result += belowThousand(Int(rest)) }
        return result
    }

    /// 1 … 999.
    static func belowThousand(_ value: Int) -> [String] {
        var result: [String] = []
        if value >= 100 { result += [small[value / 100], "hundred"] }
        let lastTwo = value % 100
        if lastTwo == 0 { return result }
        if lastTwo < 20 { return result + [small[lastTwo]] }
        let units = lastTwo % 10
        return result + [units == 0 ? tens[lastTwo / 10] : "\(tens[lastTwo / 10])-\(small[units])"]
    }
}
