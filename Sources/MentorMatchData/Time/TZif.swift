/// One time zone read from a TZif file (RFC 8536, as RFC 9636 keeps it): the UTC
/// offsets it gives, and when they change.
///
/// Version 1 files are read from their 32-bit section; version 2 and later from the
/// 64-bit section and the footer's POSIX TZ string, which gives the offsets after the
/// last transition. Every read is bounds-checked: a malformed file is a ``TZifError``.
public struct TZif: Sendable, Equatable {
    /// A local time type: an offset, whether it is daylight-saving time, and its abbreviation.
    public struct LocalTimeType: Sendable, Equatable {
        /// Seconds east of UTC.
        public var utcOffset: Int
        public var isDST: Bool
        public var designation: String
    }

    /// 1, 2, 3, 4 … (the header's version byte; 0 reads as 1).
    public let version: Int
    /// Transition instants in Unix seconds, strictly ascending.
    public let transitionTimes: [Int64]
    /// For each transition, the index in `types` of the local time type it starts.
    public let transitionTypes: [UInt8]
    /// The local time types; never empty.
    public let types: [LocalTimeType]
    /// The footer's rule for instants after the last transition (`nil`: none, or version 1).
    public let footer: POSIXTimeZone?

    /// Reads a TZif file.
    public init(bytes: [UInt8]) throws(TZifError) {
        var reader = ByteReader(bytes)
        let first = try Header(&reader)
        guard first.version >= 2 else {
            let block = try Block(&reader, header: first, timeSize: 4)
            self.init(version: 1, block: block, footer: nil)
            return
        }
        // Skip the 32-bit section: version 2+ readers use the 64-bit one after it.
        try reader.skip(first.dataSize(timeSize: 4), section: "version 1 data")
        let second = try Header(&reader)
        let block = try Block(&reader, header: second, timeSize: 8)
        guard try reader.byte(section: "footer") == 0x0A else { throw .malformed("the footer does not start with a newline") }
        let text = try reader.bytes(upTo: 0x0A, section: "footer")
        guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw .malformed("the footer is not printable ASCII") }
        let footer = text.isEmpty ? nil : try POSIXTimeZone(parsing: String(decoding: text, as: UTF8.self))
        self.init(version: first.version, block: block, footer: footer)
    }

    private init(version: Int, block: Block, footer: POSIXTimeZone?) {
        self.version = version
        transitionTimes = block.times
        transitionTypes = block.typeIndices
        types = block.types
        self.footer = footer
    }

    /// Seconds east of UTC at `t` (Unix seconds).
    ///
    /// Before the first transition: local time type 0 (RFC 8536 §3.2). At or after the
    /// last transition: the footer's rule, or the last transition's type without one.
    public func utcOffset(atUnixSeconds t: Int64) -> Int {
        guard let last = transitionTimes.last else { return footer?.utcOffset(atUnixSeconds: t) ?? types[0].utcOffset }
        if t < transitionTimes[0] { return types[0].utcOffset }
        if t >= last, let footer { return footer.utcOffset(atUnixSeconds: t) }
        // The last transition at or before t.
        var lo = 0, hi = transitionTimes.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if transitionTimes[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return types[Int(transitionTypes[lo])].utcOffset
    }
}

/// Why bytes are not a TZif file.
public enum TZifError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not start with `TZif`.
    case notTZif
    /// The version byte is neither 0 nor an ASCII digit from 2.
    case unsupportedVersion(UInt8)
    /// The file ends inside a section.
    case truncated(section: String)
    /// A count, index or value breaks RFC 8536.
    case malformed(String)
    /// The footer's POSIX TZ string cannot be read.
    case invalidTZString(String, reason: String)

    public var description: String {
        switch self {
        case .notTZif: return "not a TZif file (no TZif magic)"
        case .unsupportedVersion(let v): return "unsupported TZif version byte \(v)"
        case .truncated(let section): return "the TZif file ends inside its \(section)"
        case .malformed(let why): return "malformed TZif file: \(why)"
        case .invalidTZString(let text, let reason): return "invalid POSIX TZ string \"\(text)\": \(reason)"
        }
    }
}

/// The 44-byte header of a TZif data section.
private struct Header {
    var version: Int
    var isutcnt: Int, isstdcnt: Int, leapcnt: Int, timecnt: Int, typecnt: Int, charcnt: Int

    init(_ reader: inout ByteReader) throws(TZifError) {
        guard reader.remaining >= 4 else { throw .notTZif }
        guard try reader.bytes(4, section: "header").elementsEqual([0x54, 0x5A, 0x69, 0x66]) else { throw .notTZif }  // "TZif"
        let v = try reader.byte(section: "header")
        switch v {
        case 0: version = 1
        case 0x32...0x39: version = Int(v - 0x30)
        default: throw .unsupportedVersion(v)
        }
        try reader.skip(15, section: "header")
        isutcnt = Int(try reader.uint32(section: "header"))
        isstdcnt = Int(try reader.uint32(section: "header"))
        leapcnt = Int(try reader.uint32(section: "header"))
        timecnt = Int(try reader.uint32(section: "header"))
        typecnt = Int(try reader.uint32(section: "header"))
        charcnt = Int(try reader.uint32(section: "header"))
    }

    /// Bytes of the data block after this header (counts are at most 2³² − 1: no overflow).
    func dataSize(timeSize: Int) -> Int {
        timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
    }
}

/// The data block of one section, checked against RFC 8536 §3.2.
private struct Block {
    var times: [Int64] = []
    var typeIndices: [UInt8] = []
    var types: [TZif.LocalTimeType] = []

    init(_ reader: inout ByteReader, header h: Header, timeSize: Int) throws(TZifError) {
        guard h.typecnt > 0 else { throw .malformed("no local time types") }
        guard h.charcnt > 0 else { throw .malformed("no time-zone designations") }
        guard h.isutcnt == 0 || h.isutcnt == h.typecnt else { throw .malformed("isutcnt is neither 0 nor typecnt") }
        guard h.isstdcnt == 0 || h.isstdcnt == h.typecnt else { throw .malformed("isstdcnt is neither 0 nor typecnt") }
        // Check the whole block is there before allocating anything from its counts.
        guard reader.remaining >= h.dataSize(timeSize: timeSize) else { throw .truncated(section: "data block") }

        times.reserveCapacity(h.timecnt)
        for _ in 0..<h.timecnt {
            let t = timeSize == 8 ? try reader.int64(section: "transition times") : Int64(try reader.int32(section: "transition times"))
            if let previous = times.last, t <= previous { throw .malformed("transition times are not strictly ascending") }
            times.append(t)
        }
        typeIndices = Array(try reader.bytes(h.timecnt, section: "transition types"))
        if let bad = typeIndices.first(where: { Int($0) >= h.typecnt }) {
            throw .malformed("transition type index \(bad) is not below typecnt \(h.typecnt)")
        }
        var raw: [(utoff: Int32, isDST: UInt8, index: UInt8)] = []
        for _ in 0..<h.typecnt {
            raw.append((try reader.int32(section: "local time types"), try reader.byte(section: "local time types"),
                        try reader.byte(section: "local time types")))
        }
        let chars = Array(try reader.bytes(h.charcnt, section: "designations"))
        for r in raw {
            guard r.utoff != Int32.min else { throw .malformed("a UT offset is -2^31") }
            guard r.isDST <= 1 else { throw .malformed("isdst is neither 0 nor 1") }
            guard Int(r.index) < chars.count else { throw .malformed("designation index \(r.index) is past charcnt") }
            let name = chars[Int(r.index)...].prefix { $0 != 0 }
            types.append(TZif.LocalTimeType(utcOffset: Int(r.utoff), isDST: r.isDST == 1,
                                             designation: String(decoding: name, as: UTF8.self)))
        }
        // Leap-second records and the standard/UT indicators do not change UTC offsets.
        try reader.skip(h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt, section: "data block")
    }
}

/// Big-endian reads that throw instead of reading past the end.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - position }

    mutating func bytes(_ n: Int, section: String) throws(TZifError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw .truncated(section: section) }
        defer { position += n }
        return bytes[position..<position + n]
    }

    mutating func skip(_ n: Int, section: String) throws(TZifError) {
        _ = try bytes(n, section: section)
    }

    mutating func byte(section: String) throws(TZifError) -> UInt8 {
        try bytes(1, section: section).first!
    }

    /// The bytes before the next `terminator`, consuming the terminator too.
    mutating func bytes(upTo terminator: UInt8, section: String) throws(TZifError) -> ArraySlice<UInt8> {
        guard let end = bytes[position...].firstIndex(of: terminator) else { throw .truncated(section: section) }
        defer { position = end + 1 }
        return bytes[position..<end]
    }

    mutating func uint32(section: String) throws(TZifError) -> UInt32 {
        try bytes(4, section: section).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func int32(section: String) throws(TZifError) -> Int32 {
        Int32(bitPattern: try uint32(section: section))
    }

    mutating func int64(section: String) throws(TZifError) -> Int64 {
        Int64(bitPattern: try bytes(8, section: section).reduce(0) { $0 << 8 | UInt64($1) })
    }
}
