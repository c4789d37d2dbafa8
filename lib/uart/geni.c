/*
 * geni.c - Qualcomm GENI serial engine in UART mode ("qcom,geni-debug-uart",
 * "qcom,geni-uart": the QUP serial engines of SDM845 and later), transmit
 * only.
 *
 * Owns: the GENI serial engine's register offsets and bits as Linux's
 * qcom_geni_serial.c and qcom-geni-se.h use them (SE_GENI_*, M_*: no
 * public manual), the checks that the engine runs the UART protocol in
 * FIFO mode, the transmit packing, the transmit command sequence with
 * its abort, and draining. The serial engine's firmware, clocks and baud
 * stay as the boot firmware set them; reg_shift, io_width and clock_hz
 * are not used: the registers are 32-bit at fixed offsets.
 *
 * Registers (offset, the bits used here):
 *   0x040 GENI_STATUS: bit 0 M_GENI_CMD_ACTIVE (a main-sequencer command
 *         runs).
 *   0x068 GENI_FW_REVISION_RO: bits 15:8 the protocol the engine's
 *         firmware runs, 2 = UART (GENI_SE_UART).
 *   0x258 SE_GENI_DMA_MODE_EN: bit 0, the data moved by DMA, not the
 *         FIFOs.
 *   0x260 SE_GENI_TX_PACKING_CFG0, 0x264 CFG1: how a FIFO word becomes
 *         characters.
 *   0x270 SE_UART_TX_TRANS_LEN: characters in the next TX command.
 *   0x600 SE_GENI_M_CMD0: bits 31:27 the opcode, 1 = UART_START_TX.
 *   0x604 SE_GENI_M_CMD_CTRL_REG: bit 1 M_GENI_CMD_ABORT.
 *   0x610 SE_GENI_M_IRQ_STATUS, 0x618 SE_GENI_M_IRQ_CLEAR (write 1s):
 *         bit 0 M_CMD_DONE, bit 5 M_CMD_ABORT, bit 30 M_TX_FIFO_WATERMARK
 *         (the TX FIFO below its watermark: room for a word).
 *   0x700 SE_GENI_TX_FIFOn: one word in.
 *   0x800 SE_GENI_TX_FIFO_STATUS: bits 27:0 the words in the TX FIFO.
 *   0x80C SE_GENI_TX_WATERMARK_REG: the watermark, in words.
 *
 * Sending is by command, as Linux's earlycon write does it
 * (__qcom_geni_serial_console_write, qcom_geni_serial_setup_tx): each
 * putc is one TX command of 1 character: wait (bounded) for the previous
 * command to end, clear the done and watermark flags it left, watermark
 * = 2 words, TRANS_LEN = 1, M_CMD0 = START_TX, wait for the watermark
 * flag, write the word, clear the flag. The command then ends by itself
 * once its character is out, while the caller goes on. A command that
 * does not end, or a watermark that never comes, within UART_WAIT_MS is
 * aborted as qcom_geni_serial_poll_tx_done does (M_CMD_CTRL = ABORT, a
 * bounded wait for M_CMD_ABORT, done and abort cleared) and putc or
 * flush returns false, so the console drops the UART.
 *
 * init, only what qcom_geni_serial_earlycon_setup needs of a UART the
 * firmware brought up: the protocol must be UART and DMA mode off (else
 * refused by name: the engine belongs to another driver's setup), the TX
 * packing is set to 4 characters of 8 bits per word, first in bits 7:0
 * (geni_se_config_packing(8, 4, lsb first)), and a command the firmware
 * left running is waited for, or aborted.
 *
 * No receive: the engine receives only under a secondary-sequencer RX
 * command with its own packing (qcom_geni_serial_start_rx), which an
 * earlycon-sized driver does not start. uart_kind_receives says so.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define GENI_STATUS             0x040
#define GENI_FW_REVISION        0x068
#define GENI_DMA_MODE_EN        0x258
#define GENI_TX_PACKING_CFG0    0x260
#define GENI_TX_PACKING_CFG1    0x264
#define GENI_UART_TX_TRANS_LEN  0x270
#define GENI_M_CMD0             0x600
#define GENI_M_CMD_CTRL         0x604
#define GENI_M_IRQ_STATUS       0x610
#define GENI_M_IRQ_CLEAR        0x618
#define GENI_TX_FIFO            0x700
#define GENI_TX_FIFO_STATUS     0x800
#define GENI_TX_WATERMARK       0x80c

#define STATUS_M_CMD_ACTIVE     (1u << 0)
#define FW_REV_PROTOCOL(v)      (((v) >> 8) & 0xffu)
#define PROTOCOL_UART           2u
#define DMA_MODE_ON             (1u << 0)
#define M_OPCODE_SHIFT          27
#define UART_START_TX           1u
#define M_CMD_ABORT_REQ         (1u << 1)
#define M_IRQ_CMD_DONE          (1u << 0)
#define M_IRQ_CMD_ABORT         (1u << 5)
#define M_IRQ_TX_WATERMARK      (1u << 30)
#define TX_FIFO_WORDS           0x0fffffffu
#define TX_WATERMARK_WORDS      2u   /* Linux's DEF_TX_WM */

/* One packing vector per character of a word: bits 9:5 its first bit in
 * the word, bit 4 MSB first, bits 3:1 its length - 1, bit 0 the last one.
 * Four 8-bit characters, LSB first: CFG0 holds vectors 0 and 1, CFG1
 * 2 and 3, 10 bits apart. */
#define PACK_VEC(i, last)       ((((i) * 8u) << 5) | (7u << 1) | (last))
#define TX_PACKING_CFG0         (PACK_VEC(0, 0) | PACK_VEC(1, 0) << 10)
#define TX_PACKING_CFG1         (PACK_VEC(2, 0) | PACK_VEC(3, 1) << 10)

_Static_assert(TX_PACKING_CFG0 == 0x4380e && TX_PACKING_CFG1 == 0xc3e0e,
	       "geni_se_config_packing(8 bits, 4 per word, LSB first)");

static bool command_active(uintptr_t base)
{
	return mmio_read32(base, GENI_STATUS) & STATUS_M_CMD_ACTIVE;
}

/* Stops the running command; true if the engine confirmed the abort
 * within UART_WAIT_MS. Its flags are cleared either way. */
static bool abort_command(uintptr_t base)
{
	bool aborted;

	mmio_write32(base, GENI_M_CMD_CTRL, M_CMD_ABORT_REQ);
	aborted = UART_WAIT_UNTIL(mmio_read32(base, GENI_M_IRQ_STATUS) & M_IRQ_CMD_ABORT);
	mmio_write32(base, GENI_M_IRQ_CLEAR, M_IRQ_CMD_DONE | M_IRQ_CMD_ABORT);
	return aborted;
}

/* The command before (ours, or the firmware's) has ended; if it does not
 * within UART_WAIT_MS it is aborted and the answer is false. */
static bool previous_command_ended(uintptr_t base)
{
	if (UART_WAIT_UNTIL(!command_active(base)))
		return true;
	(void)abort_command(base);
	return false;
}

const char *geni_init(const struct uart_port *port)
{
	uintptr_t base = port->base;

	if (FW_REV_PROTOCOL(mmio_read32(base, GENI_FW_REVISION)) != PROTOCOL_UART)
		return "GENI serial engine does not run the UART protocol (FW_REVISION)";
	if (mmio_read32(base, GENI_DMA_MODE_EN) & DMA_MODE_ON)
		return "GENI serial engine is in DMA mode, not FIFO mode (DMA_MODE_EN)";
	/* A command left running by the firmware ends, or is aborted: only a
	 * command that cannot even be aborted refuses the port. */
	if (command_active(base) && !UART_WAIT_UNTIL(!command_active(base)) &&
	    !abort_command(base))
		return "GENI serial engine: a command left running does not end or abort";
	if (mmio_read32(base, GENI_TX_PACKING_CFG0) != TX_PACKING_CFG0)
		mmio_write32(base, GENI_TX_PACKING_CFG0, TX_PACKING_CFG0);
	if (mmio_read32(base, GENI_TX_PACKING_CFG1) != TX_PACKING_CFG1)
		mmio_write32(base, GENI_TX_PACKING_CFG1, TX_PACKING_CFG1);
	return 0;
}

bool geni_putc(const struct uart_port *port, char c)
{
	uintptr_t base = port->base;

	if (!previous_command_ended(base))
		return false;
	mmio_write32(base, GENI_M_IRQ_CLEAR, M_IRQ_CMD_DONE | M_IRQ_TX_WATERMARK);
	mmio_write32(base, GENI_TX_WATERMARK, TX_WATERMARK_WORDS);
	mmio_write32(base, GENI_UART_TX_TRANS_LEN, 1);
	mmio_write32(base, GENI_M_CMD0, UART_START_TX << M_OPCODE_SHIFT);
	if (!UART_WAIT_UNTIL(mmio_read32(base, GENI_M_IRQ_STATUS) & M_IRQ_TX_WATERMARK)) {
		(void)abort_command(base);
		return false;
	}
	mmio_write32(base, GENI_TX_FIFO, (uint8_t)c);
	mmio_write32(base, GENI_M_IRQ_CLEAR, M_IRQ_TX_WATERMARK);
	return true;
}

bool geni_flush(const struct uart_port *port)
{
	uintptr_t base = port->base;

	if (!previous_command_ended(base))
		return false;
	return UART_WAIT_UNTIL(!(mmio_read32(base, GENI_TX_FIFO_STATUS) & TX_FIFO_WORDS));
}

int geni_getc(const struct uart_port *port)
{
	(void)port;
	return -1;
}
