extension EscPosEncoder {
    /// Advances the paper `feedDots` and cuts the way the profile's cutter can (`GS V`). The cutter sits past
    /// the print head, so a feed is needed for the last printed line to end up on the cut-off ticket.
    ///
    /// - `full` / `partial`: `ESC J feedDots` (omitted when 0), then `GS V 0` / `GS V 1`.
    /// - `feed-full` / `feed-partial`: `GS V 65 n` / `GS V 66 n`, the printer feeds n itself.
    /// - `none`: only the feed, so the ticket can be torn off.
    public consuming func cut(feedDots: UInt8 = 0) -> Self {
        switch profile.cut {
        case .full: return feedIfNeeded(feedDots).raw([0x1D, 0x56, 0x00])
        case .partial: return feedIfNeeded(feedDots).raw([0x1D, 0x56, 0x01])
        case .feedFull: return raw([0x1D, 0x56, 0x41, feedDots])
        case .feedPartial: return raw([0x1D, 0x56, 0x42, feedDots])
        case .none: return feedIfNeeded(feedDots)
        }
    }

    private consuming func feedIfNeeded(_ dots: UInt8) -> Self {
        dots == 0 ? self : feedDots(dots)
    }
}
