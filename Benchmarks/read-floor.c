/* The floor for reading a config tree: one process walks DIR and opens, reads and
 * closes every *.js / *.json file once, doing nothing with the bytes. Benchmarks/run.sh
 * times it beside grouparoo-gen, so "x times the floor" is measured, not guessed.
 * usage: read-floor DIR   -> prints "files N bytes M" */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long files, bytes;
static char buffer[1 << 16];

static int wanted(const char *name) {
    size_t n = strlen(name);
    return (n > 3 && strcmp(name + n - 3, ".js") == 0) || (n > 5 && strcmp(name + n - 5, ".json") == 0);
}

static void read_file(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return;
    ssize_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0) bytes += got;
    close(fd);
    files++;
}

static void walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        int is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN) {
            struct stat st;
            is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (is_dir) walk(path);
        else if (wanted(e->d_name)) read_file(path);
    }
    closedir(d);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: read-floor DIR\n"); return 2; }
    walk(argv[1]);
    printf("files %ld bytes %ld\n", files, bytes);
    return 0;
}
