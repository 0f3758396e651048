print("mentormatch: not yet built")
