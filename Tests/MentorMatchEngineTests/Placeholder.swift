import Testing
@Test func placeholderMentorMatchEngineTests() { #expect(Bool(true)) }
