import MentorMatchData

extension WeekSlots {
    /// Whether some maximal cyclic run holds at least `length` slots, a word at a time without
    /// walking runs. windows(s,m) ≥ 1 exactly when a run holds ⌈sessionMinutes/15⌉ slots, so this
    /// decides rule 4 for the common one-session student.
    @inlinable
    func hasRun(atLeast length: Int) -> Bool {
        // A run across the week's wrap (slots 671 and 0): leave it to the exact run walk.
        if contains(0) && contains(WeekSlots.slotCount - 1) {
            return windows(sessionMinutes: length * WeekSlots.minutesPerSlot) >= 1
        }
        if length <= 1 { return count > 0 }
        var carry = 0  // ones ending at the top of the previous word
        for i in 0..<11 {
            let x = self[word: i]
            if x == ~0 {
                carry += 64
                if carry >= length { return true }
                continue
            }
            if carry + (~x).trailingZeroBitCount >= length { return true }
            if length <= 64 {
                var y = x
                var shift = 1
                while shift < length && y != 0 {
                    y &= x >> UInt64(shift)
                    shift += 1
                }
                if y != 0 { return true }
            }
            carry = (~x).leadingZeroBitCount
        }
        return false
    }
}
