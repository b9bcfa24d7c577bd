import QueueCore
import Testing

@Suite("Hex and random tokens")
struct HexTests {
    @Test func bytesAreWrittenAsLowercaseHexInOrder() {
        #expect(Hex.lowercase([0x00, 0x0F, 0xA5, 0xFF, 0x10]) == "000fa5ff10")
        #expect(Hex.lowercase([]) == "")
    }

    /// Tickets use 16 bytes and sessions 32; odd lengths must not be padded out to whole 8-byte words.
    @Test func tokensHaveTheAskedLengthAndDiffer() {
        for count in [1, 5, 16, 32] {
            let token = RandomToken.hex(bytes: count)
            #expect(token.count == count * 2)
            #expect(token.allSatisfy { "0123456789abcdef".contains($0) })
        }
        #expect(RandomToken.hex(bytes: 16) != RandomToken.hex(bytes: 16))
    }
}
