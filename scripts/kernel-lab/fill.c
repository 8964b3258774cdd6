/* Sends one UDP datagram to each of COUNT distinct destinations 10.0.1.0 + START ... port 9, so
 * every datagram creates one conntrack entry (the guest routes 10.0.0.0/8 out of dummy0, which
 * drops it). Built static on the host: gcc -static -O2 (-m32 for i386). Usage: fill START COUNT */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  unsigned long start = strtoul(argv[1], NULL, 10), count = strtoul(argv[2], NULL, 10), sent = 0;
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0) return perror("socket"), 1;
  struct sockaddr_in to;
  memset(&to, 0, sizeof to);
  to.sin_family = AF_INET;
  to.sin_port = htons(9);
  for (unsigned long i = start; i < start + count; i++) {
    to.sin_addr.s_addr = htonl((10u << 24) + 256u + (unsigned)i);
    if (sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof to) == 1) sent++;
  }
  printf("sent %lu\n", sent);
  return 0;
}
