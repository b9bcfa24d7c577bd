import QueueCore
import Testing

@Suite("Numbers read aloud")
struct VietnameseNumberTests {
    /// Northern usage: "mốt" and "tư" after "mươi", "lăm" after "mười"/"mươi", "linh" for an empty tens
    /// digit, "nghìn" for thousands, and later groups read in full ("không trăm").
    @Test(arguments: [
        (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (7, "bảy"), (9, "chín"),
        (10, "mười"), (11, "mười một"), (12, "mười hai"), (14, "mười bốn"), (15, "mười lăm"), (19, "mười chín"),
        (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (30, "ba mươi"),
        (41, "bốn mươi mốt"), (44, "bốn mươi tư"), (55, "năm mươi lăm"), (99, "chín mươi chín"),
        (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"), (105, "một trăm linh năm"),
        (110, "một trăm mười"), (111, "một trăm mười một"), (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"), (205, "hai trăm linh năm"), (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"), (1001, "một nghìn không trăm linh một"), (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"), (1021, "một nghìn không trăm hai mươi mốt"),
        (1100, "một nghìn một trăm"), (1234, "một nghìn hai trăm ba mươi tư"),
        (2015, "hai nghìn không trăm mười lăm"), (10_000, "mười nghìn"), (15_000, "mười lăm nghìn"),
        (21_000, "hai mươi mốt nghìn"), (100_000, "một trăm nghìn"), (105_005, "một trăm linh năm nghìn không trăm linh năm"),
        (999_999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
        (1_000_000, "một triệu"), (1_000_005, "một triệu không trăm linh năm"),
        (2_500_000, "hai triệu năm trăm nghìn"), (1_000_000_000, "một tỷ"),
        (1_000_000_000_000, "một nghìn tỷ"), (-5, "âm năm"),
    ])
    func vietnamese(number: Int, text: String) {
        #expect(VietnameseNumber.text(number) == text)
    }

    @Test func wordsAreSyllables() {
        #expect(VietnameseNumber.words(21) == ["hai", "mươi", "mốt"])
        #expect(VietnameseNumber.words(105) == ["một", "trăm", "linh", "năm"])
    }

    /// Every number up to a million reads as Vietnamese syllables only, never an empty word.
    @Test func everyNumberHasWords() {
        let vocabulary: Set<String> = [
            "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
            "mười", "mươi", "mốt", "tư", "lăm", "linh", "trăm", "nghìn", "triệu",
        ]
        for number in stride(from: 0, through: 1_000_000, by: 7) {
            let words = VietnameseNumber.words(number)
            #expect(!words.isEmpty && words.allSatisfy(vocabulary.contains), "\(number): \(words)")
        }
    }

    @Test(arguments: [
        (0, "zero"), (5, "five"), (12, "twelve"), (15, "fifteen"), (20, "twenty"), (21, "twenty-one"),
        (99, "ninety-nine"), (100, "one hundred"), (105, "one hundred five"), (110, "one hundred ten"),
        (1000, "one thousand"), (1005, "one thousand five"), (10_000, "ten thousand"),
        (123_456, "one hundred twenty-three thousand four hundred fifty-six"), (1_000_000, "one million"),
        (-3, "minus three"),
    ])
    func english(number: Int, text: String) {
        #expect(EnglishNumber.text(number) == text)
    }
}
