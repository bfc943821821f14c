import { ApiClient, eventually } from '@wo/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, openConsole, pageErrors, screenshot } from './support/browser';
import { choose, tableRows, valueOf, visible } from './support/screen';

/**
 * The user guide's four scenarios, played through the console's screens in headless Chromium
 * against the real system, finding everything by role and by the guide's own words. Merchant,
 * warehouse, products, opening stock and the BOM are set up through the API (their screens have
 * their own walk below); every step a scenario describes is done on screen.
 */
describe('the user guide, through the console', () => {
  const api = ApiClient.signedIn('admin');
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let warehouse: DemoWarehouse;
  const orderIds: Record<'giftSets' | 'ribbons', string> = { giftSets: '', ribbons: '' };
  let boltToysId = '';
  /** The lot trace the lot scenario ended on, for the tablet's look at it. */
  let lotTraceUrl = '';

  beforeAll(async () => {
    browser = await launchChromium();
    warehouse = await DemoWarehouse.create(api);
    ({ context, page } = await openConsole(browser));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('Scenario 1: a gift set made with Apply BOM x sets and Suggest number, confirmed to Allocated', async () => {
    await page.goto('work-orders');
    await visible(page.getByText('No work orders yet'));
    // Signed in through the provider's login: the header names the user, their roles and Log out.
    const user = page.getByRole('group', { name: 'Signed in user' });
    await visible(user.getByText('Ada Admin'));
    await visible(user.getByText('admin', { exact: true }));
    await screenshot(page, 'work-orders-empty');
    await page.getByRole('button', { name: 'New' }).click();
    await visible(page.getByRole('heading', { name: 'New work order' }));
    // One merchant in the system: the Merchant field is filled in already.
    expect(await page.getByRole('textbox', { name: 'Merchant' }).inputValue()).toBe('Acme Gifts');
    await page.getByRole('textbox', { name: 'Name' }).fill('Holiday gift sets');
    await page.getByRole('button', { name: 'Suggest number' }).click();
    const number = await valueOf(page.getByRole('textbox', { name: 'Work Order Number' }), (value) => value.length > 0);
    await page.getByRole('button', { name: 'Scheduled At' }).click();
    await page.getByRole('button', { name: dayLabel(20) }).click();

    await page.getByRole('button', { name: 'Apply BOM' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply BOM' });
    await choose(page, dialog, 'BOM', 'Holiday gift set');
    await dialog.getByRole('textbox', { name: 'Sets' }).fill('3');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await visible(page.getByRole('heading', { name: 'Consume Materials' }));
    expect(await page.getByRole('combobox', { name: 'Output SKU 1' }).inputValue()).toBe('GIFT-SET');
    expect(await page.getByRole('textbox', { name: 'Quantity of output 1' }).inputValue()).toBe('3');
    expect(await page.getByRole('textbox', { name: 'Quantity of material 2' }).inputValue()).toBe('6');
    await screenshot(page, 'work-order-new-after-apply-bom');
    await page.getByRole('button', { name: 'Save' }).click();

    await visible(page.getByRole('heading', { name: 'Holiday gift sets' }));
    orderIds.giftSets = idFromUrl(page);
    await visible(page.getByText(number));
    await visible(page.getByText('Draft', { exact: true }));
    await visible(page.getByText(`${new Date().getFullYear()}-${String(new Date().getMonth() + 1).padStart(2, '0')}-20`));
    await screenshot(page, 'work-order-detail-draft');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await visible(page.getByRole('button', { name: 'Create Picking List' }), 30_000);
    await visible(page.getByText('Allocated', { exact: true }));
    // Reserved where the stock sits: three reservations, one per material, with their bins.
    await visible(page.getByText('A-02 × 6'));
    // The history says who confirmed it.
    await visible(page.getByRole('region', { name: 'History' }).getByText('by Ada Admin').first());
    await screenshot(page, 'work-order-detail-allocated');
    // A deep link survives a reload.
    await page.reload();
    await visible(page.getByRole('heading', { name: 'Holiday gift sets' }));
    await visible(page.getByRole('button', { name: 'Create Picking List' }));
  });

  it('Scenario 2 and 4: short of one material it is Out of Stock with its shortage; restocked, Retry Allocation makes it Allocated', async () => {
    await page.goto('work-orders/new');
    await page.getByRole('textbox', { name: 'Name' }).fill('Ribbon hampers');
    // Scenario 4 is the operator's Retry Allocation: without auto-retry the restock alone leaves it waiting.
    await page.getByRole('checkbox', { name: 'Auto-retry' }).uncheck();
    await page.getByRole('button', { name: 'Add output' }).click();
    await page.getByRole('combobox', { name: 'Output SKU 1' }).fill('HAMPER');
    await page.getByRole('textbox', { name: 'Quantity of output 1' }).fill('2');
    await page.getByRole('button', { name: 'Add material' }).click();
    await page.getByRole('combobox', { name: 'Material SKU 1' }).fill('GIFT-BOX');
    await page.getByRole('textbox', { name: 'Quantity of material 1' }).fill('2');
    await page.getByRole('button', { name: 'Add material' }).click();
    await page.getByRole('combobox', { name: 'Material SKU 2' }).fill('RIBBON');
    await page.getByRole('textbox', { name: 'Quantity of material 2' }).fill('4');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByRole('heading', { name: 'Ribbon hampers' }));
    orderIds.ribbons = idFromUrl(page);

    await page.getByRole('button', { name: 'Confirm' }).click();
    await visible(page.getByRole('button', { name: 'Retry Allocation' }), 30_000);
    await visible(page.getByText('Out of Stock', { exact: true }));
    // The shortage in plain view: RIBBON, 4 requested, 1 available.
    const shortage = page.getByRole('region', { name: 'Out of Stock' }).getByRole('table');
    expect((await tableRows(page, shortage)).map((row) => row.slice(0, 3))).toEqual([['RIBBON', '4', '1']]);
    await screenshot(page, 'work-order-detail-out-of-stock');
    // Nothing is held while it waits: all or nothing.
    expect((await warehouse.inventoryOf('GIFT-BOX')).reserved).toBe(3);

    // Restock in Inventory: Adjust Stock.
    await page.getByRole('link', { name: 'Inventory' }).first().click();
    await page.getByRole('tab', { name: 'Adjust Stock' }).click();
    const form = page.getByRole('form', { name: 'Adjust Stock' });
    await form.getByRole('combobox', { name: 'SKU' }).fill('RIBBON');
    await page.keyboard.press('Escape');
    await choose(page, form, 'Location', 'B-01');
    await form.getByRole('textbox', { name: 'Quantity' }).fill('10');
    await form.getByRole('textbox', { name: 'Reason' }).fill('restock from supplier');
    await form.getByRole('button', { name: 'Save Adjustment' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Stock adjusted' }));
    await visible(page.getByText(/now 11 on hand/));
    await screenshot(page, 'inventory-adjust-stock');
    await eventually(
      () => warehouse.inventoryOf('RIBBON'),
      (level) => level.onHand === 11,
      { what: 'the restock to be recorded' },
    );
    await page.getByRole('tab', { name: 'Stock', exact: true }).click();
    await visible(page.getByRole('cell', { name: /^RIBBON/ }));
    await screenshot(page, 'inventory-stock');
    await page.getByRole('tab', { name: 'Movements' }).click();
    await visible(page.getByText('restock from supplier'));
    await screenshot(page, 'inventory-movements');

    await page.goto(`work-orders/${orderIds.ribbons}`);
    await page.getByRole('button', { name: 'Retry Allocation' }).click();
    await visible(page.getByRole('button', { name: 'Create Picking List' }), 30_000);
    await visible(page.getByText('Allocated', { exact: true }));
  });

  it('Material Picking across two orders: one list, started and done; Complete; the finished goods received and put away', async () => {
    await page.getByRole('link', { name: 'Material Picking' }).first().click();
    await visible(page.getByRole('checkbox', { name: /^Select WO-/ }));
    await screenshot(page, 'material-picking');
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Create Picking List' }).click();
    await visible(page.getByText('Picking list created'));
    await page.getByRole('alert').filter({ hasText: 'Picking list created' }).getByRole('link').first().click();

    await visible(page.getByRole('button', { name: 'Start' }));
    // Lines in walking order (by location), each with the work order it serves: both orders' materials.
    const lines = (await tableRows(page, page.getByRole('table', { name: 'Picking list lines' }))).map((row) => row.slice(1, 4));
    expect(lines.map((row) => row[0])).toEqual(['A-01', 'A-01', 'A-02', 'B-01', 'B-01']);
    expect(lines.map((row) => row.join(' ')).sort()).toEqual(['A-01 GIFT-BOX 2', 'A-01 GIFT-BOX 3', 'A-02 CHOC-BAR 6', 'B-01 CANDLE 3', 'B-01 RIBBON 4']);
    await screenshot(page, 'picking-list-detail');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Picker' }).fill('Pat');
    await page.getByRole('dialog').getByRole('button', { name: 'Start Picking' }).click();
    await visible(page.getByRole('button', { name: 'Mark Done' }));
    await visible(page.getByText('Pat'));
    await page.getByRole('button', { name: 'Mark Done' }).click();
    await visible(page.getByText('Done', { exact: true }));
    await screenshot(page, 'picking-list-done');

    for (const id of [orderIds.giftSets, orderIds.ribbons]) {
      await page.goto(`work-orders/${id}`);
      await page.getByRole('button', { name: 'Complete' }).click({ timeout: 30_000 });
      await visible(page.getByText('Completed', { exact: true }), 30_000);
    }
    // The finished goods arrive as an inbound order: receive them, then put them away.
    await page.goto(`work-orders/${orderIds.giftSets}`);
    await screenshot(page, 'work-order-detail-completed');
    await page.getByRole('link', { name: 'Open the inbound order' }).click({ timeout: 30_000 });
    const receive = page.getByRole('form', { name: 'Receive' });
    expect(await receive.getByRole('textbox', { name: 'Receive GIFT-SET' }).inputValue()).toBe('3');
    await receive.getByRole('button', { name: 'Receive' }).click();
    const putAway = page.getByRole('form', { name: 'Put Away' });
    await valueOf(putAway.getByRole('textbox', { name: 'Put away GIFT-SET' }), (value) => value === '3');
    await choose(page, putAway, 'Location for GIFT-SET', 'FG-01');
    await putAway.getByRole('button', { name: 'Put Away' }).click();
    await visible(page.getByText('Put Away', { exact: true }).nth(0));
    await eventually(
      () => warehouse.inventoryOf('GIFT-SET'),
      (level) => level.onHand === 3,
      { what: 'the finished goods on the shelf' },
    );
    await screenshot(page, 'inbound-order-put-away');
    await page.goto('inbound-orders');
    await visible(page.getByRole('columnheader', { name: 'Inbound Order' }));
    await screenshot(page, 'inbound-orders');
    await page.goto('picking-lists');
    await visible(page.getByRole('columnheader', { name: 'Picking List' }));
    await screenshot(page, 'picking-lists');
  });

  it('Scenario 3: the Status filter and each other filter narrow the list, and the URL keeps them', async () => {
    await page.goto('work-orders');
    await visible(page.getByRole('link', { name: 'Ribbon hampers' }));
    await expectNames(page, ['Ribbon hampers', 'Holiday gift sets']);

    // A Draft order beside the two Completed ones.
    const draft = (
      await api.post('/work-orders', {
        merchantId: warehouse.merchantId,
        warehouseId: warehouse.warehouseId,
        name: 'Candle trio',
        outputs: [{ sku: 'HAMPER', quantity: 1 }],
        materials: [{ sku: 'CANDLE', quantity: 3 }],
      })
    ).body;
    await page.reload();
    await visible(page.getByRole('link', { name: 'Candle trio' }));
    await choose(page, page, 'Status', 'Draft');
    await page.keyboard.press('Escape');
    await visible(page.getByText(/1 work order/));
    await expectNames(page, ['Candle trio']);
    expect(page.url()).toContain('status=DRAFT');
    await page.reload();
    await expectNames(page, ['Candle trio']);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await filterBy(page, 'Search', draft.number);
    await expectNames(page, ['Candle trio']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await filterBy(page, 'Input SKU', 'RIBBON');
    await expectNames(page, ['Ribbon hampers']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await filterBy(page, 'Output SKU', 'GIFT-SET');
    await expectNames(page, ['Holiday gift sets']);
    await filterBy(page, 'Output SKU', 'HAMPER');
    await expectNames(page, ['Candle trio', 'Ribbon hampers', 'Holiday gift sets']);
    await screenshot(page, 'work-orders-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // A second merchant: the Merchant filter and column appear, and the filter narrows.
    const other = await api.post('/merchants', { name: 'Bolt Toys' });
    boltToysId = other.body.id;
    await api.post('/products', { merchantId: other.body.id, sku: 'TEA', name: 'Tea' });
    const theirs = await eventually(
      () =>
        api.post('/work-orders', {
          merchantId: other.body.id,
          warehouseId: warehouse.warehouseId,
          name: 'Tea towers',
          outputs: [{ sku: 'TEA', quantity: 1 }],
          materials: [{ sku: 'TEA', quantity: 1 }],
        }),
      (response) => response.status === 201,
      { what: 'work-orders to know the second merchant' },
    );
    expect(theirs.status).toBe(201);
    await page.reload();
    await visible(page.getByRole('columnheader', { name: 'Merchant' }));
    await choose(page, page, 'Merchant', 'Bolt Toys');
    await page.keyboard.press('Escape');
    await visible(page.getByText(/1 work order/));
    await expectNames(page, ['Tea towers']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await visible(page.getByRole('link', { name: 'Holiday gift sets' }));
    await screenshot(page, 'work-orders-list');
  });

  it('keeps the master data: a warehouse with a new location, a merchant, a product and a BOM, made on their screens', async () => {
    await page.getByRole('link', { name: 'Warehouses' }).first().click();
    await page.getByRole('button', { name: 'New Warehouse' }).click();
    const newWarehouse = page.getByRole('dialog');
    await newWarehouse.getByRole('textbox', { name: 'Code' }).fill('WH2');
    await newWarehouse.getByRole('textbox', { name: 'Name' }).fill('Overflow hall');
    await newWarehouse.getByRole('combobox', { name: 'Locations' }).fill('C-01');
    await newWarehouse.getByRole('combobox', { name: 'Locations' }).press('Enter');
    await newWarehouse.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Overflow hall' });
    await visible(row);
    await row.getByRole('textbox', { name: 'Location code' }).fill('C-02');
    await row.getByRole('button', { name: 'Add' }).click();
    await visible(row.getByText('C-02'));
    await screenshot(page, 'warehouses');

    await page.getByRole('link', { name: 'Merchants' }).first().click();
    await page.getByRole('button', { name: 'New Merchant' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Cedar Crafts');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await visible(page.getByRole('cell', { name: 'Cedar Crafts' }));
    await screenshot(page, 'merchants');

    await page.getByRole('link', { name: 'Products' }).first().click();
    await page.getByRole('button', { name: 'New Product' }).click();
    const newProduct = page.getByRole('dialog');
    await choose(page, newProduct, 'Merchant', 'Acme Gifts');
    await newProduct.getByRole('textbox', { name: 'SKU' }).fill('MUG');
    await newProduct.getByRole('textbox', { name: 'Name' }).fill('White mug');
    await newProduct.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByRole('cell', { name: 'White mug' }));
    await page.getByRole('textbox', { name: 'Search' }).fill('MU');
    await visible(page.getByRole('cell', { name: 'MUG', exact: true }));
    await screenshot(page, 'products');

    await page.getByRole('link', { name: 'BOMs' }).first().click();
    await page.getByRole('button', { name: 'New BOM' }).click();
    await choose(page, page, 'Merchant', 'Acme Gifts');
    await page.getByRole('textbox', { name: 'Name' }).fill('Candle gift box');
    await page.getByRole('button', { name: 'Add output' }).click();
    await page.getByRole('combobox', { name: 'Output SKU 1' }).fill('GIFT-SET');
    await page.getByRole('textbox', { name: 'Quantity of output 1' }).fill('1');
    await page.getByRole('button', { name: 'Add material' }).click();
    await page.getByRole('combobox', { name: 'Material SKU 1' }).fill('CANDLE');
    await page.getByRole('textbox', { name: 'Quantity of material 1' }).fill('2');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByText('BOM saved.'));
    await page.getByRole('link', { name: 'BOMs' }).first().click();
    await visible(page.getByRole('link', { name: 'Candle gift box' }).or(page.getByRole('cell', { name: 'Candle gift box' })));
    await screenshot(page, 'boms');
  });

  it('a picker sees no Confirm, Edit or Cancel on a work order, and creates, starts and finishes a picking list', async () => {
    const draft = await created(
      api.post('/work-orders', {
        merchantId: warehouse.merchantId,
        warehouseId: warehouse.warehouseId,
        name: 'Picker draft',
        outputs: [{ sku: 'HAMPER', quantity: 1 }],
        materials: [{ sku: 'CANDLE', quantity: 1 }],
      }),
    );
    const allocated = await created(
      api.post('/work-orders', {
        merchantId: warehouse.merchantId,
        warehouseId: warehouse.warehouseId,
        name: 'Candle pair',
        outputs: [{ sku: 'HAMPER', quantity: 1 }],
        materials: [{ sku: 'CANDLE', quantity: 2 }],
      }),
    );
    await api.post(`/work-orders/${allocated.id}/confirm`);
    await eventually(
      () => api.get(`/work-orders/${allocated.id}`),
      (response) => response.body.status === 'ALLOCATED',
      { what: 'the order to be allocated' },
    );

    const picker = await openConsole(browser, 'desktop', { login: 'picker' });
    try {
      const { page: screen } = picker;
      await visible(screen.getByRole('group', { name: 'Signed in user' }).getByText('Pat Picker'));
      await screen.goto(`work-orders/${draft.id}`);
      await visible(screen.getByRole('heading', { name: 'Picker draft' }));
      await visible(screen.getByText('Draft', { exact: true }));
      for (const name of ['Confirm', 'Edit', 'Cancel Work Order']) expect(await screen.getByRole('button', { name }).count()).toBe(0);
      await screenshot(screen, 'work-order-detail-as-picker');

      await screen.getByRole('link', { name: 'Material Picking' }).first().click();
      await screen.getByRole('checkbox', { name: `Select ${allocated.number}` }).check();
      await screen.getByRole('button', { name: 'Create Picking List' }).click();
      await visible(screen.getByText('Picking list created'));
      await screen.getByRole('alert').filter({ hasText: 'Picking list created' }).getByRole('link').first().click();
      await screen.getByRole('button', { name: 'Start' }).click();
      await screen.getByRole('dialog').getByRole('textbox', { name: 'Picker' }).fill('Pat');
      await screen.getByRole('dialog').getByRole('button', { name: 'Start Picking' }).click();
      await screen.getByRole('button', { name: 'Mark Done' }).click();
      await visible(screen.getByText('Done', { exact: true }));
      await eventually(
        () => api.get(`/work-orders/${allocated.id}`),
        (response) => response.body.allowedActions.includes('complete'),
        { what: 'the order to be ready to complete' },
      );
    } finally {
      await picker.context.close();
    }
  });

  it('a merchant user sees only its own merchant’s orders and inbound orders, read-only, and no warehouse-only sections', async () => {
    const merchant = await openConsole(browser, 'desktop', { login: 'merchant', merchantIds: [boltToysId] });
    try {
      const { page: screen } = merchant;
      await visible(screen.getByRole('group', { name: 'Signed in user' }).getByText('Mo Merchant'));
      await visible(screen.getByRole('link', { name: 'Tea towers' }));
      await expectNames(screen, ['Tea towers']);
      // What ROUTE_ACCESS lets a scoped token read: its own inbound orders and picking requests; no
      // picking list (one walks several merchants' orders), sagas or dead letters.
      for (const name of ['Picking Lists', 'Sagas', 'Dead Letters']) expect(await screen.getByRole('link', { name }).count()).toBe(0);
      await screenshot(screen, 'work-orders-as-merchant-user');
      // Bolt Toys has no finished goods yet: none of the other merchant's inbound orders show.
      await screen.getByRole('link', { name: 'Inbound Orders' }).click();
      await visible(screen.getByText('No inbound orders'));
      await screenshot(screen, 'inbound-orders-as-merchant-user');
    } finally {
      await merchant.context.close();
    }
  });

  it('an SRE opens Sagas and a saga’s timeline, and finds a poison message on Dead Letters and replays it', async () => {
    // A message no consumer can read, straight onto inventory's command topic: it is dead-lettered.
    const kafka = new Kafka({ clientId: 'browser-poison', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const poisonKey = `${warehouse.warehouseId}:POISON`;
    try {
      await producer.send({
        topic: `${process.env['E2E_TOPIC_PREFIX']}inventory.stock-commands`,
        messages: [{ key: poisonKey, value: '{"this is": not json' }],
      });
    } finally {
      await producer.disconnect();
    }
    const sre = await openConsole(browser, 'desktop', { login: 'sre' });
    try {
      const { page: screen } = sre;
      await visible(screen.getByRole('group', { name: 'Signed in user' }).getByText('Sam SRE'));
      await screen.getByRole('link', { name: 'Sagas' }).click();
      await visible(screen.getByRole('heading', { name: 'Sagas', level: 2 }));
      // The counts by state head the list; the scenarios above ran allocation sagas to the end.
      // A segmented control: the radio itself is visually hidden behind its label.
      await (await visible(screen.getByText(/^Finished \d+$/))).click();
      // The choice goes through the URL and the counts refresh every few seconds: wait for it, do not sample it once.
      await eventually(
        () => screen.getByRole('radio', { name: /^Finished \d+$/ }).isChecked(),
        (checked) => checked,
        { what: 'Finished to be the chosen state', timeoutMs: 10_000 },
      );
      await visible(screen.getByRole('link', { name: 'Allocation' }));
      await screenshot(screen, 'sagas');
      await screen.getByRole('link', { name: 'Allocation' }).first().click();
      await visible(screen.getByRole('heading', { name: 'Allocation saga' }));
      const timeline = screen.getByRole('region', { name: 'Timeline' });
      await visible(timeline.getByText('Started'));
      await visible(timeline.getByText('Finished'));
      // A finished saga has nothing to retry.
      expect(await screen.getByRole('button', { name: 'Retry' }).count()).toBe(0);
      await screenshot(screen, 'saga-detail');

      await screen.getByRole('link', { name: 'Dead Letters' }).click();
      await visible(screen.getByRole('heading', { name: 'Dead Letters', level: 2 }));
      await visible(screen.getByRole('table', { name: 'Dead letters per topic' }).getByRole('button', { name: 'inventory.stock-commands' }), 30_000);
      const row = screen.getByRole('row').filter({ hasText: poisonKey });
      await visible(row, 30_000);
      await screenshot(screen, 'dead-letters');
      await row.getByRole('link').click();
      await visible(screen.getByRole('heading', { name: 'Dead letter' }));
      await visible(screen.getByRole('region', { name: 'Payload' }).getByText('{"this is": not json'));
      await visible(screen.getByText('unparseable', { exact: true }));
      await screenshot(screen, 'dead-letter-detail');
      await screen.getByRole('button', { name: 'Replay' }).click();
      await screen.getByRole('dialog', { name: 'Replay this message?' }).getByRole('button', { name: 'Replay Message' }).click();
      await visible(screen.getByText('Replayed', { exact: true }));
      await visible(screen.getByText(/by Sam SRE/));
      // Once the dialog has gone (its "Replay Message" button with it), no Replay is offered for a replayed message.
      await screen.getByRole('dialog', { name: 'Replay this message?' }).waitFor({ state: 'hidden' });
      expect(await screen.getByRole('button', { name: 'Replay', exact: true }).count()).toBe(0);
    } finally {
      await sre.context.close();
    }
  });

  // Needs the lots backend (docs/decisions/0007-lots.md): lot-tracked products, stock by lot, FEFO, the trace.
  it('lot trace: a material restocked as two lots, made into a finished lot; traced down to the earlier-expiring lot, and up to where the goods went', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const [earlyExpiry, lateExpiry] = [`${year}-06-30`, `${year}-12-31`];

    // A lot-tracked material, registered on the Products screen.
    await page.goto('products');
    await page.getByRole('button', { name: 'New Product' }).click();
    const newProduct = page.getByRole('dialog');
    await chooseAcmeGifts(page, newProduct);
    await newProduct.getByRole('textbox', { name: 'SKU' }).fill('HONEY');
    await newProduct.getByRole('textbox', { name: 'Name' }).fill('Wildflower honey, 250 g');
    await newProduct.getByRole('checkbox', { name: 'Lot-tracked' }).check();
    await newProduct.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByRole('row').filter({ hasText: 'Wildflower honey' }).getByText('Lot-tracked'));
    await screenshot(page, 'products-lot-tracked');
    // The gift box is lot-tracked too: its lot is held on the shelf, so the trace shows where it is on hand.
    await created(api.post('/products', { merchantId: warehouse.merchantId, sku: 'HONEY-GIFT', name: 'Honey gift box', lotTracked: true }));

    // Restocked as two lots through Adjust Stock: the one at A-01 expires later than the one at A-02.
    for (const [lot, expiresOn, locationCode] of [
      ['HNY-LATE', lateExpiry, 'A-01'],
      ['HNY-EARLY', earlyExpiry, 'A-02'],
    ] as const) {
      await page.goto('inventory?tab=adjust');
      const form = page.getByRole('form', { name: 'Adjust Stock' });
      await chooseAcmeGifts(page, form);
      await form.getByRole('combobox', { name: 'SKU' }).fill('HONEY');
      await page.keyboard.press('Escape');
      // Asked only because HONEY is lot-tracked.
      await (await visible(form.getByRole('combobox', { name: 'Lot' }))).fill(lot);
      await page.keyboard.press('Escape');
      await form.getByLabel('Expires On').fill(expiresOn);
      await choose(page, form, 'Location', locationCode);
      await form.getByRole('textbox', { name: 'Quantity' }).fill('5');
      await form.getByRole('textbox', { name: 'Reason' }).fill('honey from the beekeeper');
      await form.getByRole('button', { name: 'Save Adjustment' }).click();
      await visible(page.getByRole('status').filter({ hasText: `HONEY lot ${lot} (expires ${expiresOn}) at ${locationCode}` }));
      if (lot === 'HNY-LATE') await screenshot(page, 'inventory-adjust-stock-lot');
    }
    await page.getByRole('tab', { name: 'Stock', exact: true }).click();
    await page.getByRole('button', { name: 'Show locations of HONEY', exact: true }).click();
    const honeyLots = page.getByRole('table', { name: 'Locations of HONEY', exact: true });
    expect((await tableRows(page, honeyLots)).map((row) => row.slice(0, 6))).toEqual([
      ['A-01', 'HNY-LATE', lateExpiry, '5', '0', '5'],
      ['A-02', 'HNY-EARLY', earlyExpiry, '5', '0', '5'],
    ]);
    await screenshot(page, 'inventory-stock-lots');

    // A work order using 4: allocation takes the lot expiring first.
    const order = await eventually(
      () =>
        api.post('/work-orders', {
          merchantId: warehouse.merchantId,
          warehouseId: warehouse.warehouseId,
          name: 'Honey gift boxes',
          outputs: [{ sku: 'HONEY-GIFT', quantity: 2 }],
          materials: [{ sku: 'HONEY', quantity: 4 }],
        }),
      (response) => response.status === 201,
      { what: 'work-orders to know the honey products' },
    );
    const { id: orderId, number } = order.body;
    await page.goto(`work-orders/${orderId}`);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await visible(page.getByRole('button', { name: 'Create Picking List' }), 30_000);
    const reservations = page.getByRole('region', { name: 'Reservations' });
    await visible(reservations.getByText(`A-02 × 4 · Lot HNY-EARLY · Expires On ${earlyExpiry}`));
    expect(await reservations.getByRole('link', { name: 'HNY-EARLY' }).getAttribute('href')).toContain('lot=HNY-EARLY&direction=up');
    await screenshot(page, 'work-order-detail-allocated-lots');

    // Picked from the picking list, which names the lot to take.
    await page.getByRole('button', { name: 'Create Picking List' }).click();
    await (await visible(page.getByRole('region', { name: 'Picking Lists' }).getByRole('link', { name: /^PL-/ }), 30_000)).click();
    const stops = await tableRows(page, page.getByRole('table', { name: 'Picking list lines' }));
    expect(stops.map((row) => row.slice(1, 6))).toEqual([['A-02', 'HONEY', 'HNY-EARLY', earlyExpiry, '4']]);
    await screenshot(page, 'picking-list-detail-lots');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Picker' }).fill('Pat');
    await page.getByRole('dialog').getByRole('button', { name: 'Start Picking' }).click();
    await page.getByRole('button', { name: 'Mark Done' }).click();
    await visible(page.getByText('Done', { exact: true }));

    // Completed; its finished goods are received as the work order's lot and put away.
    await page.goto(`work-orders/${orderId}`);
    await page.getByRole('button', { name: 'Complete' }).click({ timeout: 30_000 });
    await visible(page.getByText('Completed', { exact: true }), 30_000);
    await page.getByRole('link', { name: 'Open the inbound order' }).click({ timeout: 30_000 });
    const receive = page.getByRole('form', { name: 'Receive' });
    expect(await receive.getByRole('textbox', { name: 'Lot for HONEY-GIFT' }).inputValue()).toBe(number);
    await screenshot(page, 'inbound-order-receive-lot');
    await receive.getByRole('button', { name: 'Receive' }).click();
    const putAway = page.getByRole('form', { name: 'Put Away' });
    await valueOf(putAway.getByRole('textbox', { name: 'Put away HONEY-GIFT' }), (value) => value === '2');
    await choose(page, putAway, 'Location for HONEY-GIFT', 'FG-01');
    await putAway.getByRole('button', { name: 'Put Away' }).click();
    await visible(page.getByRole('table', { name: 'Putaways' }).getByText(number));
    await screenshot(page, 'inbound-order-put-away-lots');

    // Inventory learns the genealogy and the putaway from events: wait for it to answer, then ask on screen.
    await eventually(
      () => api.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=HONEY-GIFT&lot=${encodeURIComponent(number)}&direction=down`),
      (response) => response.status === 200 && response.body.workOrders[0]?.outputs[0]?.onHand.length === 1,
      { what: 'the finished lot to be traceable, put away' },
    );
    // Down from the finished lot: the component lot that went into it is the earlier-expiring one.
    await page.getByRole('link', { name: 'Lot Trace' }).first().click();
    const trace = page.getByRole('form', { name: 'Lot Trace' });
    await chooseAcmeGifts(page, trace);
    await trace.getByRole('combobox', { name: 'SKU' }).fill('HONEY-GIFT');
    await page.keyboard.press('Escape');
    await trace.getByRole('textbox', { name: 'Lot' }).fill(number);
    await trace.getByRole('radio', { name: 'Down: what went into it' }).check();
    await trace.getByRole('button', { name: 'Trace' }).click();
    const made = page.getByRole('region', { name: `Work order ${number}` });
    await visible(made);
    expect(await tableRows(page, made.getByRole('table', { name: `Component lots of ${number}` }))).toEqual([
      ['HONEY', 'HNY-EARLY', earlyExpiry, '4', 'A-02 × 4'],
    ]);
    await screenshot(page, 'lot-trace-down');

    // Up from that component lot (its link in the trace): the finished lot, where it was put away and is now.
    await made.getByRole('link', { name: 'HNY-EARLY' }).click();
    await visible(page.getByRole('radio', { name: 'Up: where it went' }).and(page.locator(':checked')));
    const used = page.getByRole('region', { name: `Work order ${number}` });
    await visible(used.getByRole('table', { name: `Finished lots of ${number}` }));
    expect(await tableRows(page, used.getByRole('table', { name: `Finished lots of ${number}` }))).toEqual([
      ['HONEY-GIFT', number, '—', '2', 'FG-01 × 2', 'FG-01 × 2'],
    ]);
    expect(await used.getByRole('link', { name: number }).first().getAttribute('href')).toBe(`/console/work-orders/${orderId}`);
    await screenshot(page, 'lot-trace-up');
    lotTraceUrl = new URL(page.url()).pathname.replace(/^\/console\//, '') + new URL(page.url()).search;
  });

  it('logged no script error and no Content-Security-Policy violation on any page', () => {
    expect(pageErrors).toEqual([]);
  });

  it('shows every screen at tablet width', async () => {
    const tablet = await openConsole(browser, 'tablet');
    try {
      for (const [path, name] of [
        ['work-orders', 'tablet-work-orders'],
        [`work-orders/${orderIds.giftSets}`, 'tablet-work-order-detail'],
        ['material-picking', 'tablet-material-picking'],
        ['inventory', 'tablet-inventory'],
        ['products', 'tablet-products'],
        ['lot-trace', 'tablet-lot-trace-form'],
        ...(lotTraceUrl ? [[lotTraceUrl, 'tablet-lot-trace'] as const] : []),
      ] as const) {
        await tablet.page.goto(path);
        await visible(tablet.page.getByRole('heading', { level: 2 }));
        await tablet.page.waitForLoadState('networkidle');
        await screenshot(tablet.page, name);
      }
      // The menu folds away behind a button on a tablet.
      await visible(tablet.page.getByRole('button', { name: 'Menu' }));
    } finally {
      await tablet.context.close();
    }
  });
});

/**
 * The warehouse of the scenarios, named as a real one would be so the screenshots read true:
 * Acme Gifts in WH1, with products, opening stock (one ribbon only) and the gift-set BOM.
 */
class DemoWarehouse {
  private constructor(
    private readonly api: ApiClient,
    readonly merchantId: string,
    readonly warehouseId: string,
  ) {}

  static async create(api: ApiClient): Promise<DemoWarehouse> {
    const merchant = await created(api.post('/merchants', { name: 'Acme Gifts' }));
    const warehouse = await created(api.post('/warehouses', { code: 'WH1', name: 'Main warehouse', locations: ['A-01', 'A-02', 'B-01', 'FG-01'] }));
    const products = {
      'GIFT-SET': 'Holiday gift set',
      HAMPER: 'Ribbon hamper',
      'GIFT-BOX': 'Gift box, red',
      'CHOC-BAR': 'Dark chocolate bar',
      CANDLE: 'Vanilla candle',
      RIBBON: 'Satin ribbon, 2 m',
    };
    for (const [sku, name] of Object.entries(products)) await created(api.post('/products', { merchantId: merchant.id, sku, name }));
    for (const [sku, locationCode, quantity] of [
      ['GIFT-BOX', 'A-01', 20],
      ['CHOC-BAR', 'A-02', 60],
      ['CANDLE', 'B-01', 20],
      ['RIBBON', 'B-01', 1],
    ] as const) {
      await created(
        api.post('/inventory/adjustments', { warehouseId: warehouse.id, merchantId: merchant.id, sku, locationCode, quantity, reason: 'opening stock' }),
      );
    }
    // Work-orders learns merchants, warehouses and products from Kafka: the BOM is taken once it knows them.
    const bom = {
      merchantId: merchant.id,
      name: 'Holiday gift set',
      outputs: [{ sku: 'GIFT-SET', quantity: 1 }],
      materials: [
        { sku: 'GIFT-BOX', quantity: 1 },
        { sku: 'CHOC-BAR', quantity: 2 },
        { sku: 'CANDLE', quantity: 1 },
      ],
    };
    await eventually(
      () => api.post('/boms', bom),
      (response) => response.status === 201,
      { what: 'work-orders to know the products' },
    );
    await eventually(
      () => api.get(`/work-orders/number-suggestion?warehouseId=${warehouse.id}`),
      (response) => response.status === 200,
      { what: 'work-orders to know the warehouse' },
    );
    return new DemoWarehouse(api, merchant.id, warehouse.id);
  }

  async inventoryOf(sku: string): Promise<{ onHand: number; reserved: number }> {
    const rows = (await this.api.get(`/inventory?warehouseId=${this.warehouseId}&merchantId=${this.merchantId}&sku=${sku}`)).body;
    return rows[0] ?? { onHand: 0, reserved: 0 };
  }
}

async function created(request: Promise<{ status: number; body: any }>): Promise<any> {
  const response = await request;
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The accessible name of a day in the date picker's current month, e.g. "20 December 2026". */
function dayLabel(day: number): string {
  const now = new Date();
  return `${day} ${now.toLocaleString('en-GB', { month: 'long' })} ${now.getFullYear()}`;
}

function idFromUrl(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop()!;
}

/**
 * Waits until the list's Name column reads `expected`, top to bottom, and its count agrees (a
 * filter answers after its request: the old rows stay on screen until then).
 */
async function expectNames(page: Page, expected: string[], timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await page
      .getByRole('table')
      .first()
      .locator('tbody tr td:nth-child(2) a')
      .allTextContents()
      .catch(() => []);
    const count = await page
      .getByText(/^\d+ work orders?$/)
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    if (JSON.stringify(seen) === JSON.stringify(expected) && Number.parseInt(count ?? '', 10) === expected.length) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the list shows ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
}

/** Types a value into a several-values filter (Search, Input SKU, Output SKU) and waits for the list. */
async function filterBy(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(value);
  await input.press('Enter');
  await page.waitForLoadState('networkidle');
  await visible(page.getByText(/work orders?$/));
}

/**
 * Picks Acme Gifts in a form's Merchant field, when it asks: with one merchant the field fills
 * itself in (or is not shown), with several the scenario chooses.
 */
async function chooseAcmeGifts(page: Page, scope: Locator): Promise<void> {
  await page.waitForLoadState('networkidle');
  const field = scope.getByRole('combobox', { name: 'Merchant' });
  // A form renders first from the merchants the console has cached, and again once they are
  // fetched anew: with one merchant cached it has no Merchant field at first, and gains one when a
  // second merchant arrives (the master-data scenario adds one). Look again before deciding.
  for (let look = 1; look <= 3; look += 1) {
    if ((await field.count()) > 0) break;
    await page.waitForTimeout(500);
    await page.waitForLoadState('networkidle');
  }
  if ((await field.count()) === 0 || (await field.inputValue()) === 'Acme Gifts') return;
  await choose(page, scope, 'Merchant', 'Acme Gifts');
  expect(await field.inputValue()).toBe('Acme Gifts');
}
