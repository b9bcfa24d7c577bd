import Foundation

/// espeak-ng ends every clip with about 0.4 s of silence; joined as is, five clips would leave two seconds
/// of dead air in a call. Clips are trimmed once, when they enter the cache.
extension VoiceWAV {
    /// The sound without leading and trailing near-silence (every channel below `threshold` of full scale),
    /// keeping `marginMilliseconds` at each end so words are not clipped. An all-silent clip stays as is.
    public func trimmingSilence(threshold: Double = 0.01, marginMilliseconds: Int = 20) -> VoiceWAV {
        let frameBytes = format.blockAlign
        let frames = samples.count / frameBytes
        guard frames > 0, format.bitsPerSample == 16 else { return self }
        let limit = Int(threshold * 32768)
        let loud: (Int) -> Bool = { frame in
            let base = frame * frameBytes
            return (0..<format.channels).contains { channel in
                let low = UInt16(samples[samples.startIndex + base + 2 * channel])
                let high = UInt16(samples[samples.startIndex + base + 2 * channel + 1])
                return abs(Int(Int16(bitPattern: low | high << 8))) > limit
            }
        }
        guard let first = (0..<frames).first(where: loud), let last = (0..<frames).last(where: loud) else { return self }
        let margin = format.sampleRate * marginMilliseconds / 1000
        let start = max(0, first - margin)
        let end = min(frames, last + 1 + margin)
        let from = samples.startIndex + start * frameBytes
        return VoiceWAV(format: format, samples: samples.subdata(in: from..<from + (end - start) * frameBytes))
    }
}
