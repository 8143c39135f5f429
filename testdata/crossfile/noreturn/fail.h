void fatal(const char *message);
void warn(const char *message);
