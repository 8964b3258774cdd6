#!/bin/busybox sh
# /init of every lab guest (busybox ash). Prints each result between "@@LAB BEGIN <name>" and
# "@@LAB END <name>" lines on the console, which parse.mjs reads on the host, then powers off.
# /lab.conf (written by run.mjs) sets HASHSIZE, FILL ("" | filter | nat), FILL_STEPS, NFT.
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
. /lab.conf

begin() { echo "@@LAB BEGIN $1"; }
end() { echo "@@LAB END $1"; }
section() {
  name=$1
  shift
  begin "$name"
  "$@" 2>&1
  end "$name"
}
load() {
  for m in $(cat "/modules/$1.list"); do
    if [ "$m" = nf_conntrack ] && [ -n "$HASHSIZE" ]; then
      insmod "/modules/$m.ko" "hashsize=$HASHSIZE" || echo "insmod $m failed"
    else
      insmod "/modules/$m.ko" || echo "insmod $m failed"
    fi
  done
}
snapshot() {
  section "count:$1" cat /proc/sys/net/netfilter/nf_conntrack_count
  section "meminfo:$1" grep -E "^(MemFree|Slab|SReclaimable|SUnreclaim):" /proc/meminfo
  section "slabinfo:$1" cat /proc/slabinfo
}

section memtotal grep MemTotal /proc/meminfo
section pagesize awk "/KernelPageSize/{print \$2*1024; exit}" /proc/self/smaps
section uname uname -rm
section insmod load ct
section max cat /proc/sys/net/netfilter/nf_conntrack_max
section buckets cat /proc/sys/net/netfilter/nf_conntrack_buckets
section timeouts grep -H . /proc/sys/net/netfilter/nf_conntrack_*timeout*
section slab grep "^nf_conntrack " /proc/slabinfo
# The hash table's own allocation: kvmalloc()'s vmalloc fallback is listed with its caller (a
# table small enough for one block of pages from kmalloc() has no line here).
section vmallocinfo sh -c "grep -e nf_conntrack -e nf_ct_ /proc/vmallocinfo; true"
section collector sh /collector.sh

if [ -n "$FILL" ]; then
  section nftload load nft
  section netsetup sh -c "ip addr add 10.0.0.1/8 dev dummy0 && ip link set dummy0 up &&
    echo 1000000 > /proc/sys/net/netfilter/nf_conntrack_max &&
    echo 3600 > /proc/sys/net/netfilter/nf_conntrack_udp_timeout &&
    echo 3600 > /proc/sys/net/netfilter/nf_conntrack_udp_timeout_stream &&
    $NFT -f /rules-$FILL.nft && $NFT list ruleset"
  snapshot 0
  sent=0
  for n in $FILL_STEPS; do
    section "fill:$n" /fill "$sent" $((n - sent))
    sent=$n
    snapshot "$n"
  done
fi

section dmesg sh -c "dmesg | grep -i conntrack"
echo "@@LAB DONE"
# poweroff -f does not wait for the serial port to drain: without the pause the console lost
# the last kilobytes of some boots' output (seen on 5.10 and 6.12 amd64 under TCG).
sleep 2
poweroff -f
