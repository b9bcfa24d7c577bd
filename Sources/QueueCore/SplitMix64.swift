import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seedable generator, so a simulated day is the same on every
/// machine and Swift version for the same seed (the system generator cannot be seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Exponentially distributed with the given mean (inverse transform; 1 − u is never 0).
    public mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }
}
