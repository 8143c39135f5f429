struct value {
    int type;
    const char *text;
};

struct value *value_get(const char *key);
int value_is_string(const struct value *v);
int value_check(const struct value *v, int type);
