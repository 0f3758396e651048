import Testing
@Test func placeholderGLPKTests() { #expect(Bool(true)) }
