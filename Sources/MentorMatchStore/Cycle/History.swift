extension Store {
    /// Every run that proposed something for `student`, every decision, every applied change and every
    /// difference an import found, as the store recorded them. A student the store has no record of
    /// (no pairing, proposal, decision or change) is an error.
    public func history(student: String) throws -> StudentHistory {
        let history = try repository.history(student: student)
        if history.proposals.isEmpty, history.decisions.isEmpty, history.changes.isEmpty, history.differences.isEmpty,
           history.pairing == nil {
            throw StoreError.unknownStudent(student)
        }
        return history
    }

    /// Every run, oldest first, with its proposal and decision counts and its application.
    public func runs() throws -> [RunListing] { try repository.runListings() }
}
