/// Horizontal justification for `ESC a n`; it also positions raster images, which is how tickets are centred
/// without padding every bitmap to the paper width.
public enum EscPosAlignment: UInt8, Sendable, CaseIterable {
    case left = 0
    case center = 1
    case right = 2
}
