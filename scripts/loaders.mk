# scripts/loaders.mk - the artifacts a loader takes besides the Image: U-Boot's
# (legacy uImage, FIT, boot script) and the Raspberry Pis' SD card.
#
# Owns: building build/uImage, build/stub.itb (the Image and QEMU virt's
# DTB), build/boot.scr and build/sdcard-rpi.img (the one card for Pi 3 and
# Pi 4: Debian's rpi_arm64 U-Boot, fetched once, never installed; the Pis'
# DTBs), and what QEMU is given for a board besides the Image: the DTB
# where the machine makes none (build/dtbs/<board>.dtb) and the ROMs it
# loads (build/roms/). Included by the Makefile after BUILD, IMAGE and the
# boards' facts are known.

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

# The SeaBIOS ROMs QEMU's model loads from its data path (board.mk
# BOARD_QEMU_ROMS: sbsa-ref's VGA BIOS), found on the system or fetched
# (once), in BOARD_ROM_DIR (boards.mk), which BOARD_QEMU_OPTS gives QEMU
# with -L.
board-roms: | deps
	$(if $(BOARD_QEMU_ROMS),$(Q)scripts/fetch-seabios.sh $(BOARD_ROM_DIR) $(BOARD_QEMU_ROMS) >/dev/null)

# Everything QEMU needs for this board besides the image (make test makes
# it for every board).
board-files: board-dtb board-roms

# What `make run` needs of QEMU besides: the board's ROMs, and the machine
# (a QEMU older than the board's BOARD_QEMU_SINCE may lack it: named, with
# the way to QEMU 10.0 beside the system's).
board-qemu: board-roms
	$(Q)[ -z "$(BOARD_QEMU_SINCE)" ] || scripts/qemu-version.sh $(QEMU) at-least $(BOARD_QEMU_SINCE) || \
		$(QEMU) -M help | grep -q '^$(BOARD_QEMU_MACHINE) ' || { \
		echo "$(BOARD): QEMU $$(scripts/qemu-version.sh $(QEMU)) has no -M $(BOARD_QEMU_MACHINE) (QEMU $(BOARD_QEMU_SINCE) has):"; \
		echo "  scripts/fetch-qemu.sh fetches Debian's 10.0 into build/ (never installed), then"; \
		echo "  make QEMU=build/qemu-backports/bin/qemu-system-aarch64 BOARD=$(BOARD) run"; exit 1; }

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

# The Raspberry Pis' SD card (always the product's Image, in build/), one
# for Pi 3 and Pi 4 as distributions ship it: Debian's rpi_arm64 U-Boot
# (which takes the DTB the Pi firmware loads), board/rpi/config.txt for the
# firmware, the DTBs of the Pi 3 B, 3 B+, 3 A+ and 4 B by their upstream
# names (config.txt: upstream_kernel=1), the same boot.scr as virt's disks.
# fetch-uboot-rpi.sh also fetches Debian's per-model rpi_3 and rpi_4 builds,
# which make test boots from the same card.
SDCARD        := build/sdcard-rpi.img
SDCARD_DTBS   := bcm2837-rpi-3-b.dtb bcm2837-rpi-3-b-plus.dtb bcm2837-rpi-3-a-plus.dtb \
		 bcm2711-rpi-4-b.dtb
UBOOT_RPI_DIR := build/u-boot-rpi/root/usr/lib/u-boot
UBOOT_RPI_BIN := $(UBOOT_RPI_DIR)/rpi_arm64/u-boot.bin
sdcard: $(SDCARD)
$(UBOOT_RPI_BIN): scripts/fetch-uboot-rpi.sh | deps
	@$(if $(Q),echo "  FETCH   $@ (Debian's u-boot-rpi:arm64)")
	$(Q)scripts/fetch-uboot-rpi.sh build/u-boot-rpi >/dev/null
	$(Q)touch $@
build/sdcard-dtbs/%.dtb: | deps
	@mkdir -p $(@D)
	$(Q)dir=$$(scripts/fetch-dtbs.sh build/linux-dtbs | tail -n 1) && cp "$$dir/broadcom/$*.dtb" $@
$(SDCARD): scripts/mksdcard.sh build/boot.scr build/Image $(UBOOT_RPI_BIN) board/rpi/config.txt \
		$(addprefix build/sdcard-dtbs/,$(SDCARD_DTBS)) | build/one-image.ok
	$(Q)if [ -f build/raspi3b/skipped ]; then cat build/raspi3b/skipped; exit 1; fi
	@$(if $(Q),echo "  SDCARD  $@")
	$(Q)scripts/mksdcard.sh $@ $(filter-out scripts/mksdcard.sh,$^)
	@echo "sdcard: $@ (64 MiB, Pi 3 and Pi 4; add the Pi firmware files; write it with dd: docs/loading.md)"

.PHONY: board-dtb board-roms board-files board-qemu sdcard
