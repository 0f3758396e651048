import CZlib
import Foundation

/// zlib (RFC 1950) compression of the snapshots the store keeps.
public enum Deflate {
    public enum Failure: Error, CustomStringConvertible {
        case zlib(Int32)
        public var description: String {
            switch self { case .zlib(let code): return "zlib error \(code)" }
        }
    }

    /// `data` compressed at `level` (0…9; 6 is zlib's default).
    public static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var capacity = compressBound(uLong(data.count))
        var out = Data(count: Int(capacity))
        let status = out.withUnsafeMutableBytes { (dst: UnsafeMutableRawBufferPointer) -> Int32 in
            data.withUnsafeBytes { (src: UnsafeRawBufferPointer) -> Int32 in
                compress2(dst.baseAddress!.assumingMemoryBound(to: Bytef.self), &capacity,
                          src.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count), level)
            }
        }
        guard status == Z_OK else { throw Failure.zlib(status) }
        out.count = Int(capacity)
        return out
    }

    /// The `size` bytes that `data` decompresses to.
    public static func decompress(_ data: Data, size: Int) throws -> Data {
        var length = uLongf(size)
        var out = Data(count: size)
        let status = out.withUnsafeMutableBytes { (dst: UnsafeMutableRawBufferPointer) -> Int32 in
            data.withUnsafeBytes { (src: UnsafeRawBufferPointer) -> Int32 in
                uncompress(dst.baseAddress?.assumingMemoryBound(to: Bytef.self), &length,
                           src.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count))
            }
        }
        guard status == Z_OK, Int(length) == size else { throw Failure.zlib(status == Z_OK ? Z_DATA_ERROR : status) }
        return out
    }
}
