ALTER TABLE "invoices" ALTER COLUMN "booking_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rental_id" uuid;--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "invoices_rental_idx" ON "invoices" USING btree ("rental_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_order" ON "invoices" USING btree ("order_id") WHERE kind = 'invoice';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_rental" ON "invoices" USING btree ("rental_id") WHERE kind = 'invoice';--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_one_subject" CHECK (num_nonnulls("invoices"."booking_id", "invoices"."order_id", "invoices"."rental_id") = 1);--> statement-breakpoint
-- Marketplace orders and rentals get VAT invoices and credit notes like bookings.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_fk" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_rental_fk" FOREIGN KEY ("rental_id") REFERENCES "rentals"("id") ON DELETE RESTRICT;
