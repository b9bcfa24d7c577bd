extension TextRasterizer {
    /// A rectangle of inked pixels; `maxX`/`maxY` are exclusive; y grows downwards from the baseline.
    public struct Bounds: Sendable, Equatable {
        public var minX: Int
        public var maxX: Int
        public var minY: Int
        public var maxY: Int

        public init(minX: Int, maxX: Int, minY: Int, maxY: Int) {
            self.minX = minX
            self.maxX = maxX
            self.minY = minY
            self.maxY = maxY
        }

        public var width: Int { maxX - minX }
        public var height: Int { maxY - minY }

        func union(_ other: Bounds) -> Bounds {
            Bounds(
                minX: min(minX, other.minX), maxX: max(maxX, other.maxX),
                minY: min(minY, other.minY), maxY: max(maxY, other.maxY)
            )
        }

        func offsetBy(dx: Int, dy: Int) -> Bounds {
            Bounds(minX: minX + dx, maxX: maxX + dx, minY: minY + dy, maxY: maxY + dy)
        }
    }
}
