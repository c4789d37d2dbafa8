# board/virt/boot.cmd - U-Boot script (mkimage -T script -> boot.scr): load
# the stub's Image from wherever U-Boot found this script, and boot it.
# distro boot sets devtype/devnum/distro_bootpart/prefix for disks and SD
# cards, and devtype=dhcp when the script came over DHCP/TFTP. Nothing in
# it is virt's: the Raspberry Pi 3 SD card (make sdcard) carries it too.
echo "aarch64-stub: boot.scr (devtype ${devtype})"
if test "${devtype}" = "dhcp"; then
	tftpboot ${kernel_addr_r} Image
else
	load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} ${prefix}Image
fi
booti ${kernel_addr_r} - ${fdtcontroladdr}
