/// A mixed-integer linear program as a plain value: variables, linear
/// constraints, a linear objective and its sense. It knows nothing of any
/// solver; a ``MIPBackend`` turns it into a ``Solution``.
public struct Model: Sendable, Equatable {
    public var name: String
    public private(set) var variables: [VariableDefinition] = []
    public private(set) var constraints: [Constraint] = []
    /// Objective coefficients, indexed like `variables` (0 where unset).
    public private(set) var objective: [Double] = []
    public var objectiveConstant: Double = 0
    public var sense: ObjectiveSense = .minimize

    public init(name: String = "model", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
    }

    /// Adds a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind = .continuous,
        lowerBound: Double? = 0, upperBound: Double? = nil, objective coefficient: Double = 0
    ) -> Variable {
        var lower = lowerBound, upper = upperBound
        if kind == .binary {
            lower = max(lower ?? 0, 0)
            upper = min(upper ?? 1, 1)
        }
        variables.append(VariableDefinition(name: name, kind: kind, lowerBound: lower, upperBound: upper))
        objective.append(coefficient)
        return Variable(index: variables.count - 1)
    }

    /// Adds `lowerBound ≤ Σ terms ≤ upperBound` (either bound may be absent).
    public mutating func addConstraint(
        _ name: String, _ terms: [Term], lowerBound: Double? = nil, upperBound: Double? = nil
    ) {
        constraints.append(Constraint(name: name, terms: terms, lowerBound: lowerBound, upperBound: upperBound))
    }

    /// Adds `Σ terms ≤ rhs`.
    public mutating func addConstraint(_ name: String, _ terms: [Term], lessOrEqual rhs: Double) {
        addConstraint(name, terms, lowerBound: nil, upperBound: rhs)
    }

    /// Adds `Σ terms ≥ rhs`.
    public mutating func addConstraint(_ name: String, _ terms: [Term], greaterOrEqual rhs: Double) {
        addConstraint(name, terms, lowerBound: rhs, upperBound: nil)
    }

    /// Adds `Σ terms = rhs`.
    public mutating func addConstraint(_ name: String, _ terms: [Term], equal rhs: Double) {
        addConstraint(name, terms, lowerBound: rhs, upperBound: rhs)
    }

    /// Sets one objective coefficient.
    public mutating func setObjective(_ variable: Variable, _ coefficient: Double) {
        objective[variable.index] = coefficient
    }

    /// Fixes a variable's bounds (used, for instance, to pin a lock).
    public mutating func setBounds(_ variable: Variable, lower: Double?, upper: Double?) {
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    /// Whether any variable must take an integer value.
    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// The objective value of an assignment of values to the variables.
    public func objectiveValue(of values: [Double]) -> Double {
        var total = objectiveConstant
        for (c, v) in zip(objective, values) where c != 0 { total += c * v }
        return total
    }
}

/// A handle to a variable of one ``Model``.
public struct Variable: Sendable, Hashable {
    /// 0-based position in ``Model/variables``.
    public let index: Int
    public init(index: Int) { self.index = index }
}

public enum VariableKind: Sendable, Equatable {
    case continuous, integer, binary
}

public struct VariableDefinition: Sendable, Equatable {
    public var name: String
    public var kind: VariableKind
    /// `nil` means unbounded below.
    public var lowerBound: Double?
    /// `nil` means unbounded above.
    public var upperBound: Double?
}

/// `coefficient · variable`.
public struct Term: Sendable, Equatable {
    public var variable: Variable
    public var coefficient: Double
    public init(_ variable: Variable, _ coefficient: Double = 1) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// `lowerBound ≤ Σ terms ≤ upperBound`.
public struct Constraint: Sendable, Equatable {
    public var name: String
    public var terms: [Term]
    public var lowerBound: Double?
    public var upperBound: Double?
}

public enum ObjectiveSense: Sendable, Equatable {
    case minimize, maximize
}
