/* The limit for `lookup --nearest` on one word: a plain C pass over the rows of an .emb file,
 * mapped from the page cache, computing the dot product of every row with one query row and
 * keeping the best. No vocabulary, no norms, no heap: the least work any exact search must do,
 * so bench/nearest.sh can say how close embedtool comes to it.
 *
 * usage: plain_pass MODEL.emb ROW [THREADS]
 * build: cc -O3 -march=native -ffast-math -pthread -o plain_pass plain_pass.c
 * (-ffast-math lets the compiler vectorize the float sum; float16 rows are widened 8 at a time
 * with F16C, which GCC does not do on its own for _Float16.) Reads rows, dims, dtype and
 * matrix_offset from the header (docs/FORMAT.md). THREADS (default 1) split the rows.
 * Prints the best row and its dot product.
 */
#include <fcntl.h>
#include <immintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

static uint64_t u64_at(const unsigned char* p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint32_t u32_at(const unsigned char* p) { uint32_t v; memcpy(&v, p, 4); return v; }

struct part {
  const unsigned char* matrix;
  uint32_t dtype;
  uint64_t dims, begin, end, skip;
  const float* query;
  uint64_t best;
  float best_score;
};

static float dot16(const uint16_t* row, const float* q, uint64_t dims) {
  __m256 acc = _mm256_setzero_ps();
  uint64_t d = 0;
  for (; d + 8 <= dims; d += 8) {
    __m256 x = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i*)(row + d)));
    acc = _mm256_fmadd_ps(x, _mm256_loadu_ps(q + d), acc);
  }
  float lanes[8], s = 0;
  _mm256_storeu_ps(lanes, acc);
  for (int i = 0; i < 8; ++i) s += lanes[i];
  for (; d < dims; ++d) s += _cvtsh_ss(row[d]) * q[d];
  return s;
}

static void* scan(void* arg) {
  struct part* p = arg;
  p->best_score = -1e30f;
  for (uint64_t r = p->begin; r < p->end; ++r) {
    float s = 0;
    if (p->dtype == 0) {
      const float* row = (const float*)p->matrix + r * p->dims;
      for (uint64_t d = 0; d < p->dims; ++d) s += row[d] * p->query[d];
    } else {
      s = dot16((const uint16_t*)p->matrix + r * p->dims, p->query, p->dims);
    }
    if (s > p->best_score && r != p->skip) { p->best_score = s; p->best = r; }
  }
  return NULL;
}

int main(int argc, char** argv) {
  if (argc < 3) { fprintf(stderr, "usage: plain_pass MODEL.emb ROW [THREADS]\n"); return 2; }
  int fd = open(argv[1], O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) { perror(argv[1]); return 1; }
  const unsigned char* file = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  if (file == MAP_FAILED) { perror("mmap"); return 1; }
  const uint32_t dtype = u32_at(file + 12);
  const uint64_t rows = u64_at(file + 24), dims = u64_at(file + 32), offset = u64_at(file + 80);
  const uint64_t query_row = strtoull(argv[2], NULL, 10);
  const int threads = argc > 3 ? atoi(argv[3]) : 1;
  float* query = malloc(dims * sizeof(float));
  for (uint64_t d = 0; d < dims; ++d) {
    query[d] = dtype == 0 ? ((const float*)(file + offset))[query_row * dims + d]
                          : _cvtsh_ss(((const uint16_t*)(file + offset))[query_row * dims + d]);
  }
  struct part parts[64];
  pthread_t ids[64];
  for (int t = 0; t < threads && t < 64; ++t) {
    parts[t] = (struct part){file + offset, dtype, dims, rows * t / threads, rows * (t + 1) / threads,
                             query_row, query, 0, 0};
    pthread_create(&ids[t], NULL, scan, &parts[t]);
  }
  struct part* best = &parts[0];
  for (int t = 0; t < threads && t < 64; ++t) {
    pthread_join(ids[t], NULL);
    if (parts[t].best_score > best->best_score) best = &parts[t];
  }
  printf("%llu\t%g\n", (unsigned long long)best->best, best->best_score);
  return 0;
}
