import QueueCore
import Testing

@Suite("Call announcements")
struct CallAnnouncementTests {
    @Test func vietnameseCall() throws {
        let call = try CallAnnouncement(label: "A012", counter: 3)
        #expect(call.displayText == "Mời công dân có số A012 đến quầy số 3")
        #expect(call.spokenPhrases == ["mời công dân có số", "a", "mười hai", "đến quầy số", "ba"])
        #expect(call.spokenText == "mời công dân có số a mười hai đến quầy số ba")
        #expect(call.spokenWords == ["mời", "công", "dân", "có", "số", "a", "mười", "hai", "đến", "quầy", "số", "ba"])
        #expect(call.prefix == "A" && call.number == 12)
    }

    @Test func vietnameseRecall() throws {
        let call = try CallAnnouncement(label: "B105", counter: 21, recall: true)
        #expect(call.displayText == "Xin mời lần nữa công dân có số B105 đến quầy số 21")
        #expect(
            call.spokenPhrases
                == ["xin mời lần nữa", "công dân có số", "bê", "một trăm linh năm", "đến quầy số", "hai mươi mốt"])
    }

    @Test func englishCallAndRecall() throws {
        let call = try CallAnnouncement(label: "A012", counter: 3, language: .english)
        #expect(call.displayText == "Ticket A012, please go to counter 3")
        #expect(call.spokenPhrases == ["ticket", "A", "twelve", "please go to counter", "three"])
        let recall = try CallAnnouncement(label: "CD1000", counter: 15, language: .english, recall: true)
        #expect(recall.displayText == "Calling again: ticket CD1000, please go to counter 15")
        #expect(recall.spokenText == "calling again ticket C D one thousand please go to counter fifteen")
    }

    /// Two-letter prefixes name each letter; leading zeros are not read.
    @Test(arguments: [
        ("A001", "a một"), ("C007", "xê bảy"), ("D010", "đê mười"), ("G024", "giê hai mươi tư"),
        ("H100", "hát một trăm"), ("K5", "ca năm"), ("AB025", "a bê hai mươi lăm"), ("E0", "e không"),
    ])
    func labels(label: String, spoken: String) throws {
        let call = try CallAnnouncement(label: label, counter: 1)
        #expect(call.spokenText == "mời công dân có số \(spoken) đến quầy số một")
    }

    @Test(arguments: ["", "A", "012", "a012", "ABC012", "A12345", "A01B", "Đ012", "A-12", "A 12", "A١٢"])
    func rejectsBadLabels(label: String) {
        #expect(throws: QueueError.self) { try CallAnnouncement(label: label, counter: 1) }
        do {
            _ = try CallAnnouncement(label: label, counter: 1)
        } catch let error as QueueError {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("1–2 chữ in hoa"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [0, 100, -1])
    func rejectsBadCounters(counter: Int) {
        #expect(
            throws: QueueError.invalid(
                "Số quầy \(counter) không hợp lệ: cần từ 1 đến 99.",
                "Counter \(counter) is invalid: expected 1 to 99.")
        ) {
            try CallAnnouncement(label: "A012", counter: counter)
        }
    }

    @Test func everyLetterHasAVietnameseName() {
        for scalar in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            #expect(CallAnnouncement.vietnameseLetterNames[Character(UnicodeScalar(scalar))] != nil)
        }
    }

    /// The warm-up vocabulary covers every clip of any call with a ticket number below 100.
    @Test func fixedVocabularyCoversSmallCalls() throws {
        for language in CallAnnouncement.Language.allCases {
            let vocabulary = Set(CallAnnouncement.fixedVocabulary(language))
            #expect(vocabulary.count == (language == .vietnamese ? 4 : 3) + 26 + 100)
            for label in ["A001", "B099", "XY042"] {
                for recall in [false, true] {
                    let call = try CallAnnouncement(label: label, counter: 99, language: language, recall: recall)
                    #expect(Set(call.spokenPhrases).isSubset(of: vocabulary), "\(call.spokenPhrases)")
                }
            }
        }
    }
}
