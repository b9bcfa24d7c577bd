import DeviceProtocols
import Testing

@Test func bitmapPacksMSBFirst() {
    var b = Bitmap(width: 10, height: 1)
    b[0, 0] = true
    b[9, 0] = true
    #expect(b.data == [0x80, 0x40])
}
