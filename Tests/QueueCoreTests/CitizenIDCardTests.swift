import QueueCore
import Testing

@Suite("Reading the chip ID card's QR (CCCD / VNeID)")
struct CitizenIDCardTests {
    static let card = "079203001234|025912345|Nguyễn Văn An|15031990|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP Hồ Chí Minh|20042021"

    func refusal(_ text: String) -> String? {
        do {
            _ = try CitizenIDCard(text: text)
            return nil
        } catch {
            #expect(error.code == .invalidIDCard)
            return error.message
        }
    }

    @Test func aCardGivesOnlyTheNameAndTheLastFourDigits() throws {
        let card = try CitizenIDCard(text: Self.card + "\r\n")
        #expect(card == CitizenIDCard(name: "Nguyễn Văn An", idLast4: "1234"))
        // Six fields (no issue date) and newer cards with more fields are read alike; the old number may be empty.
        #expect(try CitizenIDCard(text: "001099012345||Trần Thị Bích  Ngọc|01011990|Nữ|Hà Nội").name == "Trần Thị Bích Ngọc")
        #expect(try CitizenIDCard(text: Self.card + "|extra|more").idLast4 == "1234")
        #expect(try CitizenIDCard(bytes: Array(Self.card.utf8)).name == "Nguyễn Văn An")
    }

    @Test func malformedScansAreRefusedWithWhatToDo() {
        #expect(
            refusal("079203001234|Nguyen")
                == "Mã QR trên thẻ căn cước có ít nhất 6 trường ngăn bởi “|”, chỉ đọc được 2. Hãy quét lại mặt trước của thẻ.")
        #expect(refusal("") != nil)
        #expect(refusal("07920300123|x|Nguyễn Văn An|15031990|Nam|HN") == "Số căn cước phải có 12 chữ số. Hãy quét lại mã QR trên thẻ.")
        #expect(refusal("07920300123A|x|Nguyễn Văn An|15031990|Nam|HN") != nil)
        #expect(
            refusal("079203001234||Nguyễn Văn An|31021990|Nam|HN")
                == "Ngày sinh trên thẻ không hợp lệ (cần dạng NgàyThángNăm, 8 chữ số). Hãy quét lại.")
        #expect(refusal("079203001234||Nguyễn Văn An|1990-03-15|Nam|HN") != nil)
        #expect(
            refusal("079203001234||Nguyễn Văn An|15031990|Nam|HN|2021")
                == "Ngày cấp trên thẻ không hợp lệ (cần dạng NgàyThángNăm, 8 chữ số). Hãy quét lại.")
        #expect(refusal("079203001234||Nguy3n V4n An|15031990|Nam|HN") == "Không đọc được họ tên trên thẻ. Hãy quét lại mã QR trên thẻ.")
        // A scanner in the wrong keyboard mode: Latin-1 bytes for "ễ" are not UTF-8.
        var bytes = Array("079203001234||Nguy".utf8) + [0xE9, 0x6E] + Array("|15031990|Nam|HN".utf8)
        #expect(throws: QueueError.self) { try CitizenIDCard(bytes: bytes) }
        bytes = [0xFF, 0xFE]
        do {
            _ = try CitizenIDCard(bytes: bytes)
            Issue.record("non-UTF-8 accepted")
        } catch {
            #expect(error.message == "Dữ liệu quét không phải văn bản UTF-8; hãy đặt máy quét ở chế độ Unicode rồi quét lại.")
        }
    }
}
