struct holder {
    char *first;
};

void through_pointer(char **pointer);
void through_array(char *array[]);
void through_struct(struct holder holder);
void through_pointer_checked(char **pointer);
