/* mfile.c - binary model container (see mfile.h for the layout). Files are
 * mapped read-only, so a context's models cost no copy and can be shared by
 * every worker thread. */
#include "mfile.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MF_MAGIC "RASDMDL1"
#define MF_HEADER 48
#define MF_ENTRY 24

typedef struct mf_entry {
    char tag[4];
    uint64_t off, len;
} mf_entry;

struct mfile {
    unsigned char *map;
    size_t size;
    uint32_t n;
    mf_entry *table;
    char *path;
};

struct mfile_writer {
    char kind[4];
    uint32_t version;
    mf_entry *ents;
    unsigned char **data;
    size_t n, cap;
};

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

static rasd_status mf_check_header(mfile *m, const char *path,
                                   const char kind[4], uint32_t version)
{
    const unsigned char *h = m->map;
    if (m->size < MF_HEADER || memcmp(h, MF_MAGIC, 8) != 0)
        return err_set(RASD_ERR_FORMAT, "%s: not a rasd model file", path);
    if (memcmp(h + 8, kind, 4) != 0)
        return err_set(RASD_ERR_FORMAT, "%s: model kind '%.4s', expected '%.4s'",
                       path, (const char *)h + 8, kind);
    if (rd32(h + 12) != version)
        return err_set(RASD_ERR_FORMAT, "%s: model version %u, expected %u "
                       "(retrain with `make models`)", path, rd32(h + 12), version);
    m->n = rd32(h + 16);
    if (rd64(h + 24) != m->size)
        return err_set(RASD_ERR_PARSE, "%s: truncated (%zu bytes, header says %llu)",
                       path, m->size, (unsigned long long)rd64(h + 24));
    if (hash_bytes(h + MF_HEADER, m->size - MF_HEADER) != rd64(h + 32))
        return err_set(RASD_ERR_PARSE, "%s: checksum mismatch (corrupt file)", path);
    if (m->n > 4096 || MF_HEADER + (size_t)m->n * MF_ENTRY > m->size)
        return err_set(RASD_ERR_PARSE, "%s: bad section table", path);
    return RASD_OK;
}

static rasd_status mf_read_table(mfile *m, const char *path)
{
    m->table = calloc(m->n ? m->n : 1, sizeof *m->table);
    if (!m->table)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    for (uint32_t i = 0; i < m->n; i++) {
        const unsigned char *e = m->map + MF_HEADER + (size_t)i * MF_ENTRY;
        memcpy(m->table[i].tag, e, 4);
        m->table[i].off = rd64(e + 8);
        m->table[i].len = rd64(e + 16);
        if (m->table[i].off > m->size || m->table[i].len > m->size - m->table[i].off)
            return err_set(RASD_ERR_PARSE, "%s: section %.4s out of bounds", path, e);
    }
    return RASD_OK;
}

rasd_status mfile_open(const char *path, const char kind[4], uint32_t version,
                       mfile **out)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return err_set(RASD_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size <= 0) {
        close(fd);
        return err_set(RASD_ERR_PARSE, "%s: empty or unreadable model file", path);
    }
    mfile *m = calloc(1, sizeof *m);
    if (!m) {
        close(fd);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    }
    m->size = (size_t)st.st_size;
    m->map = mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m->map == MAP_FAILED) {
        free(m);
        return err_set(RASD_ERR_IO, "%s: cannot map: %s", path, strerror(errno));
    }
    rasd_status st2 = mf_check_header(m, path, kind, version);
    if (st2 == RASD_OK)
        st2 = mf_read_table(m, path);
    if (st2 != RASD_OK) {
        mfile_close(m);
        return st2;
    }
    *out = m;
    return RASD_OK;
}

const void *mfile_section(const mfile *m, const char tag[4], size_t *len)
{
    for (uint32_t i = 0; m && i < m->n; i++)
        if (memcmp(m->table[i].tag, tag, 4) == 0) {
            if (len)
                *len = (size_t)m->table[i].len;
            return m->map + m->table[i].off;
        }
    if (len)
        *len = 0;
    return NULL;
}

void mfile_close(mfile *m)
{
    if (!m)
        return;
    if (m->map && m->map != MAP_FAILED)
        munmap(m->map, m->size);
    free(m->table);
    free(m);
}

rasd_status mfile_writer_new(const char kind[4], uint32_t version,
                             mfile_writer **out)
{
    mfile_writer *w = calloc(1, sizeof *w);
    if (!w)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    memcpy(w->kind, kind, 4);
    w->version = version;
    *out = w;
    return RASD_OK;
}

rasd_status mfile_writer_add(mfile_writer *w, const char tag[4],
                             const void *data, size_t len)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 8;
        mf_entry *e = realloc(w->ents, cap * sizeof *e);
        if (!e)
            return err_set(RASD_ERR_NOMEM, "out of memory");
        w->ents = e;
        unsigned char **d = realloc(w->data, cap * sizeof *d);
        if (!d)
            return err_set(RASD_ERR_NOMEM, "out of memory");
        w->data = d;
        w->cap = cap;
    }
    unsigned char *copy = malloc(len ? len : 1);
    if (!copy)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    if (len)
        memcpy(copy, data, len);
    memcpy(w->ents[w->n].tag, tag, 4);
    w->ents[w->n].len = len;
    w->data[w->n++] = copy;
    return RASD_OK;
}

/* Lay the sections out in memory, then checksum and write in one go. */
static unsigned char *mf_layout(mfile_writer *w, size_t *size)
{
    size_t off = MF_HEADER + w->n * MF_ENTRY;
    for (size_t i = 0; i < w->n; i++) {
        off = (off + 15) & ~(size_t)15;
        w->ents[i].off = off;
        off += w->ents[i].len;
    }
    unsigned char *img = calloc(1, off);
    if (!img)
        return NULL;
    memcpy(img, MF_MAGIC, 8);
    memcpy(img + 8, w->kind, 4);
    wr32(img + 12, w->version);
    wr32(img + 16, (uint32_t)w->n);
    wr64(img + 24, off);
    for (size_t i = 0; i < w->n; i++) {
        unsigned char *e = img + MF_HEADER + i * MF_ENTRY;
        memcpy(e, w->ents[i].tag, 4);
        wr64(e + 8, w->ents[i].off);
        wr64(e + 16, w->ents[i].len);
        memcpy(img + w->ents[i].off, w->data[i], w->ents[i].len);
    }
    wr64(img + 32, hash_bytes(img + MF_HEADER, off - MF_HEADER));
    *size = off;
    return img;
}

rasd_status mfile_writer_save(mfile_writer *w, const char *path)
{
    size_t size;
    unsigned char *img = mf_layout(w, &size);
    if (!img)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 8);
    if (!tmp) {
        free(img);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    }
    snprintf(tmp, plen + 8, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    rasd_status st = RASD_OK;
    if (!f)
        st = err_set(RASD_ERR_IO, "%s: cannot create: %s", tmp, strerror(errno));
    else {
        bool ok = fwrite(img, 1, size, f) == size;
        ok = (fclose(f) == 0) && ok;
        if (!ok)
            st = err_set(RASD_ERR_IO, "%s: write failed", tmp);
        else if (rename(tmp, path) != 0)
            st = err_set(RASD_ERR_IO, "%s: cannot rename: %s", path, strerror(errno));
        if (st != RASD_OK)
            remove(tmp);
    }
    free(tmp);
    free(img);
    return st;
}

void mfile_writer_free(mfile_writer *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++)
        free(w->data[i]);
    free(w->data);
    free(w->ents);
    free(w);
}
