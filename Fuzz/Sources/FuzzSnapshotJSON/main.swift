import FuzzSupport

// The JSON snapshot reader on any bytes: a snapshot (which the writers must write back) or `InputErrors`.
Fuzz.run { data in
    if let loaded = try? SnapshotJSONReader.read(data: data, file: "fuzz.json") {
        Fuzz.writeBack(loaded.value)
    }
}
