# scripts/loaders.mk - the artifacts a loader takes besides the Image: U-Boot's
# (legacy uImage, FIT, boot script) and the Raspberry Pi 3 SD card.
#
# Owns: building build/uImage, build/stub.itb (the Image and QEMU virt's
# DTB), build/boot.scr and build/sdcard-rpi3.img (Debian's Pi U-Boot,
# fetched once, never installed), and the DTB QEMU is given where the
# machine makes none (build/dtbs/<board>.dtb). Included by the Makefile
# after BUILD, IMAGE and the boards' facts are known.

UBOOT_ARTIFACTS := $(BUILD)/uImage $(BUILD)/stub.itb $(BUILD)/boot.scr

# The DTB QEMU is given where the machine makes none (board.mk
# BOARD_QEMU_DTB: a path in Debian's kernel package, fetched once).
BOARD_DTB_FILE := $(if $(BOARD_QEMU_DTB),build/dtbs/$(BOARD).dtb)
board-dtb: $(BOARD_DTB_FILE)
build/dtbs/%.dtb: board/%/board.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DTB     $@ (Debian's $(BOARD.$*.QEMU_DTB))")
	$(Q)dir=$$(scripts/fetch-dtbs.sh build/linux-dtbs | tail -n 1) && \
		cp "$$dir/$(BOARD.$*.QEMU_DTB)" $@

# U-Boot on QEMU virt (Debian's u-boot-qemu): legacy uImage (bootm), FIT
# with a sha256 hash (bootm), script. bootm copies the legacy image to its
# header's load address: virt's (booti places the Image by itself).
VIRT_LOAD_PA := $(BOARD.virt.LOAD_PA)
$(BUILD)/uImage: $(IMAGE)
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)mkimage -q -A arm64 -O linux -T kernel -C none -a $(VIRT_LOAD_PA) -e $(VIRT_LOAD_PA) \
		-n aarch64-stub -d $< $@ >/dev/null

$(BUILD)/stub.itb: board/virt/stub.its.in $(IMAGE) $(BUILD)/virt/board.dtb
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)sed 's/@LOAD_PA@/$(VIRT_LOAD_PA)/g' $< > $(BUILD)/stub.its
	$(Q)cp $(BUILD)/virt/board.dtb $(BUILD)/board.dtb
	$(Q)cd $(BUILD) && mkimage -q -f stub.its stub.itb

$(BUILD)/boot.scr: board/virt/boot.cmd | deps
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)mkimage -q -A arm64 -O linux -T script -C none -n aarch64-stub -d $< $@ >/dev/null

# The FIT's DTB: QEMU's description of the default virt machine (EL1, PSCI
# over hvc, 128 MiB); U-Boot rewrites /memory and /chosen in it before
# booting, so the RAM size is still right. dtc drops QEMU's 1 MiB padding.
$(BUILD)/virt/board.dtb: | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DTB     $@")
	$(Q)$(QEMU) -M virt,dumpdtb=$@.qemu -cpu cortex-a53 -m 128M -nographic -nodefaults >/dev/null 2>&1
	$(Q)dtc -q -I dtb -O dtb -o $@ $@.qemu && rm -f $@.qemu

# The Raspberry Pi 3 SD card (always the product's Image, in build/): the
# same boot.scr as virt's disks, Debian's rpi_3 U-Boot (its own DTB inside)
# and board/raspi3b/config.txt for the Pi firmware. rpi_arm64 (which takes
# the firmware's DTB) is fetched with it: make test boots both.
SDCARD        := build/sdcard-rpi3.img
UBOOT_RPI_DIR := build/u-boot-rpi/root/usr/lib/u-boot
UBOOT_RPI_BIN := $(UBOOT_RPI_DIR)/rpi_3/u-boot.bin
sdcard: $(SDCARD)
$(UBOOT_RPI_BIN): scripts/fetch-uboot-rpi.sh | deps
	@$(if $(Q),echo "  FETCH   $@ (Debian's u-boot-rpi:arm64)")
	$(Q)scripts/fetch-uboot-rpi.sh build/u-boot-rpi >/dev/null
	$(Q)touch $@
$(SDCARD): scripts/mksdcard.sh build/boot.scr build/Image $(UBOOT_RPI_BIN) board/raspi3b/config.txt \
	  build/one-image.ok
	$(Q)if [ -f build/raspi3b/skipped ]; then cat build/raspi3b/skipped; exit 1; fi
	@$(if $(Q),echo "  SDCARD  $@")
	$(Q)scripts/mksdcard.sh $@ build/boot.scr build/Image $(UBOOT_RPI_BIN) board/raspi3b/config.txt
	@echo "sdcard: $@ (64 MiB; add the Pi firmware files; write it with dd: docs/loading.md)"

.PHONY: board-dtb sdcard
