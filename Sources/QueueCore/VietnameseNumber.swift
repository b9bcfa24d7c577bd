/// Reads a whole number aloud the way a Vietnamese announcer does, for voice calls ("A mười hai").
///
/// Choices (Northern standard, as heard in Hà Nội service halls; the Southern forms are noted):
/// - 4 after "mươi" is **"tư"** (24 "hai mươi tư"); everywhere else "bốn" (4, 14 "mười bốn",
///   104 "một trăm linh bốn"). "Hai mươi bốn" is also correct, but "tư" is what people say.
/// - 1 after "mươi" is "mốt" (21 "hai mươi mốt"); after "mười" it stays "một" (11 "mười một").
/// - 5 after "mười"/"mươi" is "lăm" (15, 25); after "linh" and on its own it is "năm" (105 "một trăm linh năm").
/// - A zero tens digit inside a hundred is "linh" (South: "lẻ"); thousands are "nghìn" (South: "ngàn").
/// - A group of three digits after a larger unit is read in full, "không trăm" included
///   (1005 "một nghìn không trăm linh năm"); a group that is all zeros is skipped (1 000 000 "một triệu").
public enum VietnameseNumber {
    static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
    /// Units of each three-digit group, from the lowest; "tỷ" repeats for larger numbers.
    static let scales = ["", "nghìn", "triệu"]

    /// The number as space-separated words: 105 → "một trăm linh năm".
    public static func text(_ number: Int) -> String {
        words(number).joined(separator: " ")
    }

    /// The number as a list of syllables (each a Vietnamese word): 21 → ["hai", "mươi", "mốt"].
    public static func words(_ number: Int) -> [String] {
        let magnitude = number.magnitude
        return (number < 0 ? ["âm"] : []) + words(unsigned: UInt64(magnitude))
    }

    static func words(unsigned number: UInt64) -> [String] {
        if number == 0 { return ["không"] }
        let billion: UInt64 = 1_000_000_000
        if number >= billion {
            // "tỷ" is the largest unit in everyday speech: 10^12 is "một nghìn tỷ".
            let rest = number % billion
            let head = words(unsigned: number / billion) + ["tỷ"]
            return rest == 0 ? head : head + belowBillion(rest, full: true)
        }
        return belowBillion(number, full: false)
    }

    /// 1 … 999 999 999; `full` reads the leading group with its hundreds too ("không trăm linh năm").
    static func belowBillion(_ number: UInt64, full: Bool) -> [String] {
        var groups: [Int] = []
        var rest = number
        for _ in scales {
            groups.append(Int(rest % 1000))
            rest /= 1000
        }
        var result: [String] = []
        for index in groups.indices.reversed() where groups[index] != 0 {
            let leading = result.isEmpty && !full
            result += group(groups[index], leading: leading)
            if !scales[index].isEmpty { result.append(scales[index]) }
        }
        return result
    }

    /// One group of three digits (1 … 999). A leading group drops its empty hundreds ("mười hai"); a later
    /// group keeps them ("không trăm mười hai").
    static func group(_ value: Int, leading: Bool) -> [String] {
        let hundreds = value / 100
        let tens = value / 10 % 10
        let units = value % 10
        var result: [String] = []
        if hundreds > 0 || !leading {
            result += [digits[hundreds], "trăm"]
        }
        let hasHundreds = !result.isEmpty
        switch tens {
        case 0:
            if units > 0 {
                if hasHundreds { result.append("linh") }
                result.append(digits[units])
            }
        case 1:
            result.append("mười")
            if units > 0 { result.append(units == 5 ? "lăm" : digits[units]) }
        default:
            result += [digits[tens], "mươi"]
            switch units {
            case 0: break
            case 1: result.append("mốt")
            case 4: result.append("tư")
            case 5: result.append("lăm")
            default: result.append(digits[units])
            }
        }
        return result
    }
}

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
