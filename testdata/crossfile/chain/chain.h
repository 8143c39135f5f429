struct record {
    int size;
};

int sink(const struct record *record);
int middle(const struct record *record);
