/// Everyone's weekly availability on the UTC grid, computed once per snapshot.
///
/// Offsets are looked up once per time zone (at `asOf`, 12:00 UTC; matching-model §1);
/// `mentorSlots[i]` and `studentSlots[i]` follow the snapshot's order.
public struct SnapshotGrid: Sendable {
    public let mentorSlots: [WeekSlots]
    public let studentSlots: [WeekSlots]
    /// Minutes east of UTC of each zone the snapshot uses.
    public let offsets: [String: Int]

    /// The grid of a validated snapshot; an unknown zone (which validation rejects) counts as UTC.
    public init(_ snapshot: Snapshot) {
        var offsets: [String: Int] = [:]
        func offset(_ zone: String) -> Int {
            if let known = offsets[zone] { return known }
            let minutes = TimeZoneOffset.minutes(identifier: zone, at: snapshot.asOf) ?? 0
            offsets[zone] = minutes
            return minutes
        }
        mentorSlots = snapshot.mentors.map { WeekSlots($0.availability, utcOffsetMinutes: offset($0.timezone)) }
        studentSlots = snapshot.students.map { WeekSlots($0.availability, utcOffsetMinutes: offset($0.timezone)) }
        self.offsets = offsets
    }
}
