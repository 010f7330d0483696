# Richards: Martin Richards' operating-system task scheduler simulation (idle, worker, handler
# and device tasks passing packets). Method calls and attribute access on small objects; the
# checksum is the queued-packet and hold counts, which must be 23246 and 9297 per run.
ITERATIONS = 35
IDLE_COUNT = 10000

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
NUM_TASKS = 6
DEVICE_PACKET, WORK_PACKET = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, target, kind):
        self.link = link
        self.target = target
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, head):
        self.link = None
        if head is None:
            return self
        node = head
        while node.link is not None:
            node = node.link
        node.link = self
        return head


class Task:
    def __init__(self, system, ident, priority, queue, waiting, packet_pending):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = waiting
        self.packet_pending = packet_pending
        self.holding = False
        self.link = system.task_list
        system.task_list = self
        system.tasks[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.packet_pending)

    def run(self):
        if self.waiting and self.packet_pending and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.packet_pending = self.queue is not None
        else:
            packet = None
        return self.step(packet)

    def step(self, packet):
        raise NotImplementedError

    def accept(self, packet, sender):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    # Scheduler primitives, called by a task on itself.
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        other = self.system.tasks[ident]
        other.holding = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, packet):
        system = self.system
        receiver = system.tasks[packet.target]
        system.queue_count += 1
        packet.link = None
        packet.target = self.ident
        return receiver.accept(packet, self)


class IdleTask(Task):
    def __init__(self, system, count):
        Task.__init__(self, system, IDLE, 0, None, False, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, queue):
        Task.__init__(self, system, WORKER, 1000, queue, True, True)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.target = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True, True)
        self.work_in = None
        self.device_in = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait()
        index = work.datum
        if index >= BUFFER_SIZE:
            self.work_in = work.link
            return self.send(work)
        device = self.device_in
        if device is None:
            return self.wait()
        self.device_in = device.link
        device.datum = work.data[index]
        work.datum = index + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None, True, False)
        self.pending = None

    def step(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        return self.hold()


class System:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * (NUM_TASKS + 1)
        self.queue_count = 0
        self.hold_count = 0

    def setup(self, idle_count):
        IdleTask(self, idle_count)
        work = Packet(None, 0, WORK_PACKET)
        work = Packet(work, 0, WORK_PACKET)
        WorkerTask(self, work)
        for ident, priority, device in ((HANDLER_A, 2000, DEVICE_A), (HANDLER_B, 3000, DEVICE_B)):
            queue = None
            for _ in range(3):
                queue = Packet(queue, device, DEVICE_PACKET)
            HandlerTask(self, ident, priority, queue)
        DeviceTask(self, DEVICE_A, 4000)
        DeviceTask(self, DEVICE_B, 5000)

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                task = task.run()


def run_once(idle_count):
    system = System()
    system.setup(idle_count)
    system.schedule()
    return system.queue_count, system.hold_count


def main():
    queued = held = 0
    for i in range(ITERATIONS):
        q, h = run_once(IDLE_COUNT)
        if (q, h) != (23246, 9297):
            print("wrong result in iteration", i, q, h)
        queued += q
        held += h
    small = run_once(IDLE_COUNT // 7)
    print("per run:", q, h)
    print("checksum", queued, held, small[0], small[1])


main()
