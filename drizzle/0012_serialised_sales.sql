ALTER TYPE "public"."inventory_unit_status" ADD VALUE 'sold';--> statement-breakpoint
ALTER TABLE "inventory_units" ADD COLUMN "sold_order_id" uuid;--> statement-breakpoint
CREATE INDEX "inventory_units_sold_order_idx" ON "inventory_units" USING btree ("sold_order_id");--> statement-breakpoint
ALTER TABLE "inventory_units" ADD CONSTRAINT "inventory_units_sold_order" CHECK (("inventory_units"."status"::text = 'sold') = ("inventory_units"."sold_order_id" is not null));--> statement-breakpoint
-- The order that bought a serialised unit (schema files cannot reference across without a cycle).
ALTER TABLE "inventory_units" ADD CONSTRAINT "inventory_units_sold_order_fk" FOREIGN KEY ("sold_order_id") REFERENCES "orders"("id") ON DELETE RESTRICT;
