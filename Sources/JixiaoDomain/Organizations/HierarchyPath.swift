import Foundation

/// A materialized path like `/a/b/c/`: the ids of an organisation's ancestors and itself, root first.
/// "Everything under X" is then one range scan on an indexed column instead of recursion.
public struct HierarchyPath: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The path of a root organisation.
    public static func root(_ id: UUID) -> HierarchyPath { HierarchyPath(rawValue: "/\(Self.segment(id))/") }

    /// The path of a child placed under this path.
    public func appending(_ id: UUID) -> HierarchyPath { HierarchyPath(rawValue: rawValue + Self.segment(id) + "/") }

    public static func segment(_ id: UUID) -> String { id.uuidString.lowercased() }

    public var description: String { rawValue }

    /// Number of organisations on the path (a root has depth 1).
    public var depth: Int { rawValue.split(separator: "/").count }

    public var ids: [UUID] { rawValue.split(separator: "/").compactMap { UUID(uuidString: String($0)) } }

    /// True when `other` is this organisation or lies anywhere beneath it.
    public func contains(_ other: HierarchyPath) -> Bool { other.rawValue.hasPrefix(rawValue) }

    /// What the nearest organisation on this path (itself first, then up to the root) has among `owned` — how a
    /// bureau's settings (warning rules, scoring rules) reach every organisation below it until a lower bureau sets
    /// its own.
    public func nearest<Value>(among owned: [HierarchyPath: Value]) -> Value? {
        var best: (depth: Int, value: Value)?
        for (owner, value) in owned where owner.contains(self) {
            if best == nil || owner.depth > best!.depth { best = (owner.depth, value) }
        }
        return best?.value
    }

    /// Bounds for an indexed range scan `path >= lower AND path < upper` selecting this subtree.
    /// Works because every path ends in "/" and "0" is the character right after "/" in byte order,
    /// so it needs a byte-order (C) collation on the column.
    public var subtreeRange: (lower: String, upper: String) {
        (rawValue, String(rawValue.dropLast()) + "0")
    }

    /// Rewrites a descendant's path after this subtree's root moved to `newRoot`.
    public func rebased(_ descendant: HierarchyPath, onto newRoot: HierarchyPath) -> HierarchyPath {
        precondition(contains(descendant), "rebasing a path that is not in the subtree")
        return HierarchyPath(rawValue: newRoot.rawValue + descendant.rawValue.dropFirst(rawValue.count))
    }
}
