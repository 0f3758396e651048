/// The week as 672 quarter-hour slots in UTC (slot 0 = Monday 00:00 UTC), as a bitset.
///
/// Overlap of two people is an AND and a popcount; session windows walk the
/// maximal cyclic runs word by word. This type is on the hot path (millions of
/// student–mentor pairs), so it holds eleven words inline and never allocates.
public struct WeekSlots: Sendable, Hashable {
    public static let slotCount = 672
    public static let minutesPerSlot = 15
    static let wordCount = 11  // 704 bits; the top 32 stay zero

    @usableFromInline var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    @usableFromInline var w4: UInt64 = 0, w5: UInt64 = 0, w6: UInt64 = 0, w7: UInt64 = 0
    @usableFromInline var w8: UInt64 = 0, w9: UInt64 = 0, w10: UInt64 = 0

    public init() {}

    /// The slots of local weekly intervals, shifted by a UTC offset in minutes
    /// (`utcMinute = (day*1440 + localMinute - offset) mod 10080`).
    public init(_ intervals: [WeeklyInterval], utcOffsetMinutes offset: Int) {
        for interval in intervals {
            let localStart = interval.day * 1440 + interval.startMinute
            let utcStart = WeekSlots.mod(localStart - offset, 10080)
            // Offsets such as +05:30 and +05:45 stay on the quarter hour.
            let first = utcStart / 15
            let length = interval.durationMinutes / 15
            insert(cyclicRunFrom: first, length: length)
        }
    }

    @inlinable public subscript(word i: Int) -> UInt64 {
        get {
            switch i {
            case 0: return w0
            case 1: return w1
            case 2: return w2
            case 3: return w3
            case 4: return w4
            case 5: return w5
            case 6: return w6
            case 7: return w7
            case 8: return w8
            case 9: return w9
            default: return w10
            }
        }
        set {
            switch i {
            case 0: w0 = newValue
            case 1: w1 = newValue
            case 2: w2 = newValue
            case 3: w3 = newValue
            case 4: w4 = newValue
            case 5: w5 = newValue
            case 6: w6 = newValue
            case 7: w7 = newValue
            case 8: w8 = newValue
            case 9: w9 = newValue
            default: w10 = newValue
            }
        }
    }

    /// Sets `length` slots from `first`, wrapping past slot 671 to slot 0.
    public mutating func insert(cyclicRunFrom first: Int, length: Int) {
        let n = WeekSlots.slotCount
        let count = min(max(length, 0), n)
        let start = WeekSlots.mod(first, n)
        if start + count <= n {
            insert(linearRange: start, end: start + count)
        } else {
            insert(linearRange: start, end: n)
            insert(linearRange: 0, end: start + count - n)
        }
    }

    /// Sets slots `start..<end` (0 <= start <= end <= 672) a word at a time.
    mutating func insert(linearRange start: Int, end: Int) {
        var lo = start
        while lo < end {
            let word = lo >> 6
            let hi = min(end, (word + 1) << 6)
            let width = hi - lo
            let mask: UInt64 = width == 64 ? ~0 : ((1 << UInt64(width)) - 1) << UInt64(lo & 63)
            self[word: word] |= mask
            lo = hi
        }
    }

    public mutating func insert(_ slot: Int) {
        self[word: slot >> 6] |= (1 as UInt64) << UInt64(slot & 63)
    }

    public func contains(_ slot: Int) -> Bool {
        self[word: slot >> 6] & ((1 as UInt64) << UInt64(slot & 63)) != 0
    }

    /// Slots set in both.
    @inlinable public func intersection(_ other: WeekSlots) -> WeekSlots {
        var r = WeekSlots()
        r.w0 = w0 & other.w0; r.w1 = w1 & other.w1; r.w2 = w2 & other.w2; r.w3 = w3 & other.w3
        r.w4 = w4 & other.w4; r.w5 = w5 & other.w5; r.w6 = w6 & other.w6; r.w7 = w7 & other.w7
        r.w8 = w8 & other.w8; r.w9 = w9 & other.w9; r.w10 = w10 & other.w10
        return r
    }

    /// Number of slots set.
    @inlinable public var count: Int {
        w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount
            + w4.nonzeroBitCount + w5.nonzeroBitCount + w6.nonzeroBitCount + w7.nonzeroBitCount
            + w8.nonzeroBitCount + w9.nonzeroBitCount + w10.nonzeroBitCount
    }

    /// `15 * count`.
    @inlinable public var minutes: Int { count * WeekSlots.minutesPerSlot }

    /// Number of slots in both, without building the intersection.
    @inlinable public func overlapCount(_ o: WeekSlots) -> Int {
        (w0 & o.w0).nonzeroBitCount + (w1 & o.w1).nonzeroBitCount + (w2 & o.w2).nonzeroBitCount
            + (w3 & o.w3).nonzeroBitCount + (w4 & o.w4).nonzeroBitCount + (w5 & o.w5).nonzeroBitCount
            + (w6 & o.w6).nonzeroBitCount + (w7 & o.w7).nonzeroBitCount + (w8 & o.w8).nonzeroBitCount
            + (w9 & o.w9).nonzeroBitCount + (w10 & o.w10).nonzeroBitCount
    }

    public var isEmpty: Bool { count == 0 }

    /// Lengths of the maximal cyclic runs of set slots (a full week is one run of 672).
    public var runLengths: [Int] {
        var runs: [Int] = []
        forEachRun { runs.append($0) }
        return runs
    }

    /// Σ over maximal cyclic runs of ⌊15·run / sessionMinutes⌋ (matching-model §1).
    /// Zero when `sessionMinutes` is not positive.
    public func windows(sessionMinutes: Int) -> Int {
        guard sessionMinutes > 0 else { return 0 }
        var total = 0
        forEachRun { total += (15 * $0) / sessionMinutes }
        return total
    }

    /// Calls `body` with the length of each maximal cyclic run (without allocating).
    ///
    /// Runs are found a word at a time; the run starting at slot 0 is held back and joined
    /// to the run ending at slot 671, if there is one (a full week is one run of 672).
    @inline(__always)
    public func forEachRun(_ body: (Int) -> Void) {
        let n = WeekSlots.slotCount
        var head = 0  // length of the run starting at slot 0, held back
        var tail = 0  // length of the run ending at slot 671
        forEachLinearRun { start, length in
            if start == 0 {
                head = length
            } else if start + length == n {
                tail = length
            } else {
                body(length)
            }
        }
        // A full week arrives as one run from slot 0 (head == 672, tail == 0).
        if head + tail > 0 { body(head + tail) }
    }

    /// Calls `body(start, length)` for each maximal run of set slots in 0..<672, in order (no wrap).
    @inline(__always)
    func forEachLinearRun(_ body: (Int, Int) -> Void) {
        var runStart = -1
        for i in 0..<WeekSlots.wordCount {
            var w = self[word: i]
            var pos = i << 6
            let end = pos + 64
            while pos < end {
                if w == 0 {
                    if runStart >= 0 { body(runStart, pos - runStart); runStart = -1 }
                    break
                }
                let zeros = w.trailingZeroBitCount
                if zeros > 0 {
                    if runStart >= 0 { body(runStart, pos - runStart); runStart = -1 }
                    pos += zeros
                    w >>= UInt64(zeros)
                }
                let ones = (~w).trailingZeroBitCount
                if runStart < 0 { runStart = pos }
                pos += ones
                w = ones == 64 ? 0 : w >> UInt64(ones)
            }
        }
        // Bits past slot 671 are always clear, so every run has closed by now.
    }

    @inlinable static func mod(_ a: Int, _ m: Int) -> Int {
        let r = a % m
        return r < 0 ? r + m : r
    }
}
