/* main.c - the rasd binary: all behaviour lives in the CLI library. */
#include "cli.h"

int main(int argc, char **argv)
{
    cli_io io = {stdin, stdout, stderr};
    return cli_main(argc, argv, &io);
}
