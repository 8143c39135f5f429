int a(char *p) { return *p; } // nullproof: ignore[null-deref, unchecked-alloc]
/* nullproof: ignore */
const char *s = "// nullproof: ignore", c = '\'', d = 1'000;
// NOLINTNEXTLINE(nullproof-*, bugprone-x)
int b; // NOLINT
// NOLINTBEGIN(nullproof-unchecked-lookup)
int e;
// NOLINTEND(nullproof-unchecked-lookup)
/* NOLINTBEGIN */
