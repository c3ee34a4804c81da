/* The limit for `lookup --nearest` on one word: a plain C pass over the rows of an .emb file,
 * mapped from the page cache, computing the dot product of every row with one query row and
 * keeping the best. No vocabulary, no norms, no heap, no threads: the least work any exact
 * search must do, so bench/nearest.sh can say how close embedtool comes to it.
 *
 * usage: plain_pass MODEL.emb ROW     (build: cc -O3 -march=native -o plain_pass plain_pass.c)
 * Reads rows, dims, dtype and matrix_offset from the header (docs/FORMAT.md); float32 or float16
 * (as _Float16, which -march=native turns into F16C conversions). Prints the best row and score.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t u64_at(const unsigned char* p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint32_t u32_at(const unsigned char* p) { uint32_t v; memcpy(&v, p, 4); return v; }

int main(int argc, char** argv) {
  if (argc != 3) { fprintf(stderr, "usage: plain_pass MODEL.emb ROW\n"); return 2; }
  int fd = open(argv[1], O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) { perror(argv[1]); return 1; }
  const unsigned char* file = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  if (file == MAP_FAILED) { perror("mmap"); return 1; }
  const uint32_t dtype = u32_at(file + 12);
  const uint64_t rows = u64_at(file + 24), dims = u64_at(file + 32), offset = u64_at(file + 80);
  const uint64_t query_row = strtoull(argv[2], NULL, 10);
  float* query = malloc(dims * sizeof(float));
  uint64_t best = 0;
  float best_score = -1e30f;
  if (dtype == 0) {
    const float* m = (const float*)(file + offset);
    for (uint64_t d = 0; d < dims; ++d) query[d] = m[query_row * dims + d];
    for (uint64_t r = 0; r < rows; ++r) {
      float s = 0;
      for (uint64_t d = 0; d < dims; ++d) s += m[r * dims + d] * query[d];
      if (s > best_score && r != query_row) { best_score = s; best = r; }
    }
  } else {
    const _Float16* m = (const _Float16*)(file + offset);
    for (uint64_t d = 0; d < dims; ++d) query[d] = (float)m[query_row * dims + d];
    for (uint64_t r = 0; r < rows; ++r) {
      float s = 0;
      for (uint64_t d = 0; d < dims; ++d) s += (float)m[r * dims + d] * query[d];
      if (s > best_score && r != query_row) { best_score = s; best = r; }
    }
  }
  printf("%llu\t%g\n", (unsigned long long)best, best_score);
  return 0;
}
